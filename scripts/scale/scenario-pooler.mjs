// Scenario 1: three instances behind haproxy, through PgBouncer in transaction
// mode, as a DML-only role: the cap under 200 concurrent creators, and the
// share lifecycle (create, refresh, rotate, extend, revoke, bulk cancel).
import { randomUUID } from "node:crypto";
import { client, expectStatus } from "./app.mjs";
import { psql, sleep } from "./infra.mjs";

const CAP = 50;

/** A token that must stop answering: 404 within `boundMs` (the replica's documented bound). */
export const until404 = async (http, token, boundMs) => {
  const since = performance.now();
  for (;;) {
    const reply = await http.request("GET", `/v1/shared/${token}`);
    if (reply.status === 404) return performance.now() - since;
    if (reply.status !== 200)
      throw new Error(`reading a removed link: ${reply.status} ${reply.body.slice(0, 200)}`);
    if (performance.now() - since > boundMs)
      throw new Error(`link still 200 ${Math.round(performance.now() - since)} ms after removal`);
    await sleep(20);
  }
};

export const contention = async (ctx) => {
  const { world, balancer, db, appRole } = ctx;
  const reportId = world.reports[0];
  const http = client(balancer.baseUrl, { maxSockets: 256 });
  try {
    const started = performance.now();
    // Should a create hang, what the app's server connections were doing says why.
    const watchdog = setTimeout(() => {
      console.log(
        `scale: S1 still waiting after 8 s; the app's server connections:\n${psql(
          `select state, wait_event_type || ':' || coalesce(wait_event, ''), round(extract(epoch from now() - xact_start)::numeric, 1), left(regexp_replace(query, '\\s+', ' ', 'g'), 90) from pg_stat_activity where usename = '${appRole}' order by xact_start`,
        )}`,
      );
    }, 8_000);
    const replies = await Promise.all(
      world.users.slice(0, 200).map((user) =>
        // A generous client timeout: the figure is how long the slowest one really took.
        http.request("POST", `/v1/reports/${reportId}/shares`, {
          token: user.apiKey,
          body: { expiration_days: 7 },
          timeoutMs: 90_000,
        }),
      ),
    );
    clearTimeout(watchdog);
    const settleMs = performance.now() - started;
    const created = replies.filter((r) => r.status === 201).length;
    const limited = replies.filter(
      (r) => r.status === 400 && r.json?.error?.code === "share_limit_reached",
    ).length;
    const limitedBody = replies.filter(
      (r) => r.status === 400 && r.body.includes("share_limit_reached"),
    ).length;
    const serverErrors = replies.filter((r) => r.status >= 500 || r.status === 0).length;
    const sorted = replies.map((r) => r.ms).sort((a, b) => a - b);
    const slowest = sorted[sorted.length - 1];
    const pct = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
    const inDb = Number(
      psql(`select count(*) from shares where report_id = '${reportId}' and expires_at >= now()`, { db }),
    );
    const serverConnections = Number(
      psql(`select count(*) from pg_stat_activity where usename = '${appRole}'`, { db: "postgres" }),
    );
    const others = replies.filter(
      (r) => r.status !== 201 && !(r.status === 400 && r.body.includes("share_limit_reached")),
    );
    return {
      figures: {
        "S1 creators": 200,
        "S1 created (201)": created,
        "S1 share_limit_reached": Math.max(limited, limitedBody),
        "S1 5xx / dropped": serverErrors,
        "S1 create p50 / p95 (ms)": `${pct(50)} / ${pct(95)}`,
        "S1 slowest create (ms)": Math.round(slowest),
        "S1 200 creates settled in (ms)": Math.round(settleMs),
        "S1 app server connections (PgBouncer pool)": serverConnections,
      },
      checks: [
        {
          name: "S1: exactly 50 created",
          ok: created === CAP && inDb === CAP,
          detail: `201: ${created}, active in db: ${inDb}`,
        },
        {
          name: "S1: 150 share_limit_reached",
          ok: Math.max(limited, limitedBody) === 200 - CAP,
          detail: others
            .slice(0, 3)
            .map((r) => `${r.status} ${r.body.slice(0, 120)}`)
            .join(" | "),
        },
        { name: "S1: no 5xx, no dropped request", ok: serverErrors === 0, detail: `${serverErrors}` },
        { name: "S1: no request over 5 s", ok: slowest <= 5_000, detail: `${Math.round(slowest)} ms` },
      ],
    };
  } finally {
    http.close();
  }
};

/** The acceptance-style lifecycle through the pooler, on reports nobody else uses. */
export const lifecycle = async (ctx) => {
  const { world, balancer, boundMs } = ctx;
  const http = client(balancer.baseUrl);
  const user = world.users[0];
  const [r1, r2, r3] = world.reports.slice(1, 4);
  const as = (method, path, body) => http.request(method, path, { token: user.apiKey, body });
  const steps = [];
  const step = async (name, work) => {
    try {
      await work();
      steps.push({ name: `S1 lifecycle: ${name}`, ok: true, detail: "" });
    } catch (error) {
      steps.push({
        name: `S1 lifecycle: ${name}`,
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  };
  try {
    let first;
    let rotated;
    await step("create (201) and read", async () => {
      first = expectStatus(
        await as("POST", `/v1/reports/${r1}/shares`, { expiration_days: 7 }),
        201,
        "create",
      );
      expectStatus(await http.request("GET", `/v1/shared/${first.access_token}`), 200, "read the new link");
    });
    await step("refresh (200, same token)", async () => {
      const again = expectStatus(await as("POST", `/v1/reports/${r1}/shares`, {}), 200, "refresh");
      if (!again.is_existing || again.access_token !== first.access_token)
        throw new Error("refresh minted a new token");
    });
    await step("rotate (201, new token, old one 404)", async () => {
      rotated = expectStatus(await as("POST", `/v1/reports/${r1}/shares`, { rotate: true }), 201, "rotate");
      if (rotated.access_token === first.access_token) throw new Error("rotate kept the token");
      expectStatus(
        await http.request("GET", `/v1/shared/${rotated.access_token}`),
        200,
        "read the rotated link",
      );
      await until404(http, first.access_token, boundMs);
    });
    await step("extend (200, later expiry)", async () => {
      const extended = expectStatus(
        await as("PATCH", `/v1/reports/${r1}/shares/${rotated.id}`, { expiration_days: 60 }),
        200,
        "extend",
      );
      if (!(new Date(extended.expires_at) > new Date(rotated.expires_at)))
        throw new Error("expiry did not move");
    });
    await step("revoke (204, link 404)", async () => {
      expectStatus(await as("DELETE", `/v1/reports/${r1}/shares`), 204, "revoke");
      await until404(http, rotated.access_token, boundMs);
    });
    await step("bulk cancel (cancelled, cancelled, not_found)", async () => {
      const a = expectStatus(await as("POST", `/v1/reports/${r2}/shares`, {}), 201, "create a");
      const b = expectStatus(await as("POST", `/v1/reports/${r3}/shares`, {}), 201, "create b");
      const missing = randomUUID();
      const result = expectStatus(
        await as("POST", "/v1/shares/cancel", { share_ids: [a.id, b.id, missing] }),
        200,
        "bulk cancel",
      );
      const status = Object.fromEntries(result.data.map((d) => [d.share_id, d.status]));
      if (status[a.id] !== "cancelled" || status[b.id] !== "cancelled" || status[missing] !== "not_found")
        throw new Error(`results: ${JSON.stringify(result.data)}`);
      await until404(http, a.access_token, boundMs);
      await until404(http, b.access_token, boundMs);
    });
  } finally {
    http.close();
  }
  return { figures: {}, checks: steps };
};
