import http from "node:http";
import postgres from "postgres";
import { median } from "./load-test";
import type { WriteFixtures, Writer } from "./loader";
import { log } from "./progress";

/**
 * Writes through the shipped REST API with API keys. Each phase runs
 * `writers.length` concurrent clients, each its own user and key, each working
 * on its own reports, with one request in flight per client: bounded by a
 * request count per client and by a wall-clock limit.
 */

interface Reply {
  status: number;
  body: string;
  ms: number;
}

const request = (
  agent: http.Agent,
  baseUrl: string,
  method: string,
  path: string,
  apiKey: string | null,
  body?: unknown,
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
    if (payload !== undefined) {
      headers["Content-Type"] = "application/json";
      headers["Content-Length"] = String(Buffer.byteLength(payload));
    }
    const started = performance.now();
    const req = http.request(`${baseUrl}${path}`, { method, headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout on ${method} ${path}`)));
    req.on("error", reject);
    req.end(payload);
  });

export interface WritePhase {
  name: string;
  clients: number;
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  /** Responses other than the one the phase expects (201 for create, 200 for refresh and extend). */
  unexpected: number;
  serverErrors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);

const round2 = (value: number) => Math.round(value * 100) / 100;

const runPhase = async (
  name: string,
  writers: Writer[],
  perClient: number,
  maxSeconds: number,
  expected: number,
  step: (writer: Writer, index: number) => Promise<Reply>,
): Promise<WritePhase> => {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let unexpected = 0;
  let firstUnexpected: string | null = null;
  const deadline = performance.now() + maxSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    writers.map(async (writer) => {
      for (let k = 0; k < perClient && k < writer.reportIds.length; k += 1) {
        if (performance.now() > deadline) break;
        const reply = await step(writer, k);
        latencies.push(reply.ms);
        statusCodes[reply.status] = (statusCodes[reply.status] ?? 0) + 1;
        if (reply.status !== expected) {
          unexpected += 1;
          firstUnexpected ??= `${reply.status} ${reply.body.slice(0, 300)}`;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const serverErrors = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith("5"))
    .reduce((sum, [, n]) => sum + n, 0);
  const phase: WritePhase = {
    name,
    clients: writers.length,
    requests: latencies.length,
    seconds: round2(seconds),
    reqPerSec: round2(latencies.length / seconds),
    p50: round2(percentile(latencies, 50)),
    p99: round2(percentile(latencies, 99)),
    statusCodes,
    unexpected,
    serverErrors,
  };
  log(
    `   ${name.padEnd(8)} ${phase.requests} requests from ${phase.clients} clients in ${phase.seconds} s: ` +
      `${phase.reqPerSec.toFixed(0)} req/s  p50 ${phase.p50} ms  p99 ${phase.p99} ms  ${JSON.stringify(statusCodes)}`,
  );
  if (firstUnexpected) log(`   ${name}: first unexpected reply: ${firstUnexpected}`);
  return phase;
};

export interface ContentionTrial {
  trial: number;
  contenders: number;
  created: number;
  limitReached: number;
  other: Record<string, number>;
  serverErrors: number;
  /** First request sent to last response received. */
  settleMs: number;
  /** Active shares on the schedule afterwards, counted in the database. */
  activeInDb: number;
  ok: boolean;
}

export interface WriteResults {
  create: WritePhase;
  refresh: WritePhase;
  extend: WritePhase;
  contention: ContentionTrial[];
}

/**
 * create: each client shares `perClient` fresh reports of its own (201 each);
 * refresh: the same calls again (the caller's active share exists: 200, is_existing);
 * extend: PATCH each of those shares to 90 days (200).
 * contention: `contenders` users of one brand POST on one schedule at once,
 * over connections opened beforehand: exactly 50 must get 201, the rest
 * 400 share_limit_reached, none a 5xx.
 */
export const runWrites = async (options: {
  baseUrl: string;
  databaseUrl: string;
  fixtures: WriteFixtures;
  perClient: number;
  maxPhaseSeconds: number;
}): Promise<WriteResults> => {
  const { baseUrl, fixtures, perClient, maxPhaseSeconds } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  try {
    const shareIds = new Map<string, string>();
    const create = await runPhase(
      "create",
      fixtures.writers,
      perClient,
      maxPhaseSeconds,
      201,
      async (w, k) => {
        const reportId = w.reportIds[k] as string;
        const reply = await request(agent, baseUrl, "POST", `/v1/reports/${reportId}/shares`, w.apiKey, {
          expiration_days: 30,
        });
        if (reply.status === 201) shareIds.set(reportId, (JSON.parse(reply.body) as { id: string }).id);
        return reply;
      },
    );
    const done = fixtures.writers.map((w) => ({
      ...w,
      reportIds: w.reportIds.filter((id) => shareIds.has(id)),
    }));
    const refresh = await runPhase("refresh", done, perClient, maxPhaseSeconds, 200, async (w, k) => {
      const reply = await request(
        agent,
        baseUrl,
        "POST",
        `/v1/reports/${w.reportIds[k]}/shares`,
        w.apiKey,
        {},
      );
      if (
        reply.status === 200 &&
        (JSON.parse(reply.body) as { is_existing?: boolean }).is_existing !== true
      ) {
        return { ...reply, status: -200 };
      }
      return reply;
    });
    const extend = await runPhase("extend", done, perClient, maxPhaseSeconds, 200, (w, k) => {
      const reportId = w.reportIds[k] as string;
      return request(
        agent,
        baseUrl,
        "PATCH",
        `/v1/reports/${reportId}/shares/${shareIds.get(reportId)}`,
        w.apiKey,
        { expiration_days: 90 },
      );
    });

    const contention: ContentionTrial[] = [];
    const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      for (const [index, scheduleId] of fixtures.contention.scheduleIds.entries()) {
        contention.push(await contend(baseUrl, sql, fixtures, scheduleId, index + 1));
      }
    } finally {
      await sql.end({ timeout: 5 });
    }
    return { create, refresh, extend, contention };
  } finally {
    agent.destroy();
  }
};

const contend = async (
  baseUrl: string,
  sql: postgres.Sql,
  fixtures: WriteFixtures,
  scheduleId: string,
  trial: number,
): Promise<ContentionTrial> => {
  const users = fixtures.contention.users;
  // One connection per contender, opened (and each key authenticated once) before the race.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  try {
    const warm = await Promise.all(
      users.map((u) => request(agent, baseUrl, "GET", `/v1/scheduled-reports/${scheduleId}`, u.apiKey)),
    );
    const notOk = warm.filter((r) => r.status !== 200);
    if (notOk.length > 0)
      throw new Error(
        `contention warm-up: ${notOk.length} failed, e.g. ${notOk[0]?.status} ${notOk[0]?.body}`,
      );

    const started = performance.now();
    const replies = await Promise.all(
      users.map((u) =>
        request(agent, baseUrl, "POST", `/v1/scheduled-reports/${scheduleId}/shares`, u.apiKey, {
          expiration_days: 7,
        }).catch((error: unknown) => ({ status: 0, body: String(error), ms: performance.now() - started })),
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
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from shares where scheduled_report_id = ${scheduleId}::uuid and expires_at >= now()`;
    const activeInDb = row?.n ?? -1;
    const ok =
      created === 50 && limitReached === users.length - 50 && serverErrors === 0 && activeInDb === 50;
    const result: ContentionTrial = {
      trial,
      contenders: users.length,
      created,
      limitReached,
      other,
      serverErrors,
      settleMs: round2(settleMs),
      activeInDb,
      ok,
    };
    log(
      `   contention trial ${trial}: ${users.length} creators -> ${created} x 201, ${limitReached} x 400 share_limit_reached, ` +
        `other ${JSON.stringify(other)}, ${activeInDb} active in db, settled in ${settleMs.toFixed(0)} ms ${ok ? "OK" : "FAILED"}`,
    );
    return result;
  } finally {
    agent.destroy();
  }
};

export const medianSettle = (trials: ContentionTrial[]) => median(trials.map((t) => t.settleMs));
