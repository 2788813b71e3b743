import { ACTIVE_SHARES_PER_RESOURCE } from "@sharelinks/core/constants";
import type postgres from "postgres";
import { keepAliveAgent, percentile, request, round2 } from "./http-client";
import type { WriteFixtures } from "./loader";
import { log } from "./progress";

/**
 * The cap under contention: `contenders` users of one brand POST a share on
 * one schedule at once, over connections opened (and keys authenticated)
 * beforehand. Exactly the cap (core's ACTIVE_SHARES_PER_RESOURCE, 50) must get
 * 201, the rest 400 share_limit_reached, none a 5xx, and that many active
 * shares must be in the database afterwards.
 */

export interface ContentionTrial {
  target: string;
  trial: number;
  contenders: number;
  created: number;
  limitReached: number;
  other: Record<string, number>;
  serverErrors: number;
  /** First request sent to last response received. */
  settleMs: number;
  /** Latency of the contenders' requests, client-side. */
  p50: number;
  p99: number;
  /** Active shares on the schedule afterwards, counted in the database. */
  activeInDb: number;
  ok: boolean;
}

export const contend = async (options: {
  target: string;
  baseUrl: string;
  sql: postgres.Sql;
  users: WriteFixtures["contention"]["users"];
  scheduleId: string;
  trial: number;
}): Promise<ContentionTrial> => {
  const { baseUrl, sql, users, scheduleId, trial } = options;
  const agent = keepAliveAgent();
  const path = `/v1/scheduled-reports/${scheduleId}/shares`;
  try {
    const warm = await Promise.all(users.map((u) => request(agent, baseUrl, "GET", path, u.apiKey)));
    const notOk = warm.filter((r) => r.status !== 200);
    if (notOk.length > 0)
      throw new Error(
        `contention warm-up on ${options.target}: ${notOk.length} failed, e.g. ${notOk[0]?.status} ${notOk[0]?.body}`,
      );

    const started = performance.now();
    const replies = await Promise.all(
      users.map((u) =>
        request(agent, baseUrl, "POST", path, u.apiKey, { expiration_days: 7 }).catch((error: unknown) => ({
          status: 0,
          body: String(error),
          ms: performance.now() - started,
        })),
      ),
    );
    const settleMs = performance.now() - started;
    let created = 0;
    let limitReached = 0;
    let serverErrors = 0;
    const other: Record<string, number> = {};
    for (const reply of replies) {
      if (reply.status === 201) created += 1;
      else if (reply.status === 400 && reply.body.includes('"share_limit_reached"')) limitReached += 1;
      else other[reply.status] = (other[reply.status] ?? 0) + 1;
      if (reply.status >= 500 || reply.status === 0) serverErrors += 1;
    }
    const latencies = replies.map((r) => r.ms).sort((a, b) => a - b);
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from shares where scheduled_report_id = ${scheduleId}::uuid and expires_at >= now()`;
    const activeInDb = row?.n ?? -1;
    const ok =
      created === ACTIVE_SHARES_PER_RESOURCE &&
      limitReached === users.length - ACTIVE_SHARES_PER_RESOURCE &&
      serverErrors === 0 &&
      activeInDb === ACTIVE_SHARES_PER_RESOURCE;
    const result: ContentionTrial = {
      target: options.target,
      trial,
      contenders: users.length,
      created,
      limitReached,
      other,
      serverErrors,
      settleMs: round2(settleMs),
      p50: round2(percentile(latencies, 50)),
      p99: round2(percentile(latencies, 99)),
      activeInDb,
      ok,
    };
    log(
      `   ${options.target} contention trial ${trial}: ${users.length} creators -> ${created} x 201, ` +
        `${limitReached} x 400 share_limit_reached, other ${JSON.stringify(other)}, ${activeInDb} active in db, ` +
        `settled in ${settleMs.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms ${ok ? "OK" : "FAILED"}`,
    );
    return result;
  } finally {
    agent.destroy();
  }
};
