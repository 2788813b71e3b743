// Steady mixed load through the balancer: reads of live links, creates
// (refreshes) and lists, each with the answers it may get. Anything else, a
// 5xx or a dropped connection above all, is a failed request.
import { pool } from "./world.mjs";

/**
 * Starts `workers` loops; `stop()` ends them and resolves with the figures.
 * `links`: [{token, user, reportId}] made beforehand. `readsMayBeGone`: a
 * predicate for tokens a scenario revoked on purpose (their 404 is expected).
 */
export const startLoad = (
  http,
  { links, workers = 10, mix = { read: 0.7, create: 0.15, list: 0.15 }, diagnose },
) => {
  let running = true;
  // A request taking over 8 s: what the database connections were doing, once.
  const inFlight = new Set();
  let diagnosed = false;
  const watchdog = setInterval(() => {
    const oldest = Math.min(...inFlight);
    if (!diagnosed && diagnose && performance.now() - oldest > 8_000) {
      diagnosed = true;
      diagnose();
    }
  }, 1_000);
  const counts = {
    total: 0,
    read: 0,
    create: 0,
    list: 0,
    failed: 0,
    serverErrors: 0,
    dropped: 0,
    falseNotFound: 0,
  };
  const failures = [];
  let slowest = 0;
  const started = performance.now();
  const fail = (kind, reply) => {
    counts.failed += 1;
    if (reply.status >= 500) counts.serverErrors += 1;
    if (reply.status === 0) counts.dropped += 1;
    if (kind === "read" && reply.status === 404) counts.falseNotFound += 1;
    if (failures.length < 8) failures.push(`${kind} ${reply.status} ${reply.body.slice(0, 160)}`);
  };
  const once = async (n) => {
    const since = performance.now();
    inFlight.add(since);
    try {
      await request(n);
    } finally {
      inFlight.delete(since);
    }
  };
  const request = async (n) => {
    const link = links[n % links.length];
    const roll = Math.random();
    let kind;
    let reply;
    let ok;
    if (roll < mix.read) {
      kind = "read";
      reply = await http.request("GET", `/v1/shared/${link.token}`);
      ok = reply.status === 200;
    } else if (roll < mix.read + mix.create) {
      kind = "create";
      reply = await http.request("POST", `/v1/reports/${link.reportId}/shares`, {
        token: link.user.apiKey,
        body: { expiration_days: 30 },
      });
      // The link exists: a create refreshes it (200, same token).
      ok = reply.status === 200 && reply.json?.access_token === link.token;
    } else {
      kind = "list";
      reply = await http.request("GET", "/v1/shares?limit=20", { token: link.user.apiKey });
      ok = reply.status === 200;
    }
    counts.total += 1;
    counts[kind] += 1;
    if (reply.ms > slowest) slowest = reply.ms;
    if (!ok) fail(kind, reply);
  };
  let n = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (running) await once(n++);
  });
  return {
    counts,
    async stop() {
      running = false;
      await Promise.all(loops);
      clearInterval(watchdog);
      const seconds = (performance.now() - started) / 1000;
      return {
        ...counts,
        failures,
        slowestMs: Math.round(slowest),
        seconds,
        rps: Math.round(counts.total / seconds),
      };
    },
  };
};

/** One live link per user on `reportId`: the load's read targets. */
export const makeLinks = (http, users, reportId) =>
  pool(users, 8, async (user) => {
    const reply = await http.request("POST", `/v1/reports/${reportId}/shares`, {
      token: user.apiKey,
      body: { expiration_days: 30 },
    });
    if (reply.status !== 201 && reply.status !== 200)
      throw new Error(`making a load link: ${reply.status} ${reply.body.slice(0, 200)}`);
    return { token: reply.json.access_token, id: reply.json.id, user, reportId };
  });
