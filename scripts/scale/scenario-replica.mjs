// Scenario 3: the public reads on a real streaming replica. New links are
// readable at once (a replica miss is re-checked on the primary), a link
// taken away answers 404 on every instance within REPLICA_MAX_LAG_MS, and
// stopping the replica under load costs nothing.
import { client, expectStatus } from "./app.mjs";
import { psql, sleep } from "./infra.mjs";
import { startLoad } from "./load.mjs";
import { pool } from "./world.mjs";

const PAIRS = 1_000;
const PAIR_WORKERS = 10;

const replicaLookups = (ctx) =>
  Number(
    psql("select coalesce(sum(idx_scan), 0) from pg_stat_user_tables where relname = 'shares'", {
      db: ctx.db,
      port: ctx.replica.port,
    }),
  );

/** Create-then-read: each worker has its own user, so no other request rotates its link away. */
const pairs = async (ctx) => {
  const http = client(ctx.balancer.baseUrl);
  const reportId = ctx.world.reports[5];
  const users = ctx.world.users.slice(20, 20 + PAIR_WORKERS);
  let done = 0;
  let falseNotFound = 0;
  let otherFailures = 0;
  const samples = [];
  await Promise.all(
    users.map(async (user) => {
      while (done < PAIRS) {
        done += 1;
        const made = await http.request("POST", `/v1/reports/${reportId}/shares`, {
          token: user.apiKey,
          body: { rotate: true, expiration_days: 7 },
        });
        if (made.status !== 201) {
          otherFailures += 1;
          if (samples.length < 5) samples.push(`create ${made.status} ${made.body.slice(0, 120)}`);
          continue;
        }
        const read = await http.request("GET", `/v1/shared/${made.json.access_token}`);
        if (read.status === 404) falseNotFound += 1;
        else if (read.status !== 200) otherFailures += 1;
        if (read.status !== 200 && samples.length < 5)
          samples.push(`read ${read.status} ${read.body.slice(0, 120)}`);
      }
    }),
  );
  http.close();
  return { done, falseNotFound, otherFailures, samples };
};

/** The five ways a link stops answering; each takes the link away through the balancer. */
const TAKE_AWAY = {
  revoke: (http, link) =>
    http.request("DELETE", `/v1/reports/${link.reportId}/shares`, { token: link.user.apiKey }),
  remove: (http, link) => http.request("DELETE", `/v1/shares/${link.id}`, { token: link.user.apiKey }),
  rotate: (http, link) =>
    http.request("POST", `/v1/reports/${link.reportId}/shares`, {
      token: link.user.apiKey,
      body: { rotate: true },
    }),
  pause: (http, link) => http.request("POST", `/v1/shares/${link.id}/pause`, { token: link.user.apiKey }),
  cancel: (http, link) =>
    http.request("POST", "/v1/shares/cancel", { token: link.user.apiKey, body: { share_ids: [link.id] } }),
};

/**
 * Takes a link away, then reads it on every instance directly every 25 ms for
 * the bound plus a second. The figure is the latest moment (from the answer to
 * the take-away) a read was sent that still got 200: after it, 404 everywhere.
 */
const measureTakeAway = async (ctx, http, direct, link, how) => {
  const reply = await TAKE_AWAY[how](http, link);
  if (reply.status >= 300) throw new Error(`${how}: ${reply.status} ${reply.body.slice(0, 160)}`);
  const t0 = performance.now();
  let lastOk = -1;
  let other = 0;
  while (performance.now() - t0 < ctx.boundMs + 1_000) {
    await Promise.all(
      direct.map(async (instance) => {
        const sent = performance.now() - t0;
        const read = await instance.request("GET", `/v1/shared/${link.token}`);
        if (read.status === 200) lastOk = Math.max(lastOk, sent);
        else if (read.status !== 404) other += 1;
      }),
    );
    await sleep(25);
  }
  return { lastOk, other };
};

export const replicaScenario = async (ctx) => {
  const { instances, balancer, world, replica } = ctx;
  const before = replicaLookups(ctx);
  const made = await pairs(ctx);
  console.log(`scale: S3 ${made.done} create-then-read pairs, ${made.falseNotFound} false 404s`);

  // Links to take away, readable everywhere (and on the replica) first.
  const http = client(balancer.baseUrl);
  const direct = instances.map((i) => client(i.baseUrl));
  const reportId = world.reports[6];
  const kinds = Object.keys(TAKE_AWAY);
  const owners = world.users.slice(40, 40 + 4 * kinds.length);
  const links = await pool(owners, 4, async (user) => {
    const share = expectStatus(
      await http.request("POST", `/v1/reports/${reportId}/shares`, { token: user.apiKey, body: {} }),
      201,
      "create a link to take away",
    );
    return { token: share.access_token, id: share.id, user, reportId };
  });
  await sleep(ctx.boundMs + 500);
  for (const link of links)
    for (const d of direct)
      expectStatus(await d.request("GET", `/v1/shared/${link.token}`), 200, "link readable");
  const measured = await pool(links, 4, (link, i) =>
    measureTakeAway(ctx, http, direct, link, kinds[i % kinds.length]),
  );
  const worst = Math.max(...measured.map((m) => m.lastOk));
  const otherAnswers = measured.reduce((sum, m) => sum + m.other, 0);
  const lookups = replicaLookups(ctx) - before;

  // Stop the replica under load.
  const loadHttp = client(balancer.baseUrl, { maxSockets: 32 });
  const load = startLoad(loadHttp, { links: ctx.links, workers: 10 });
  await sleep(4_000);
  const wasInUse = instances.every((i) => i.log().includes("read replica in use"));
  replica.stop("immediate");
  await sleep(8_000);
  const under = await load.stop();
  loadHttp.close();
  http.close();
  for (const d of direct) d.close();
  const fellBack = instances.every((i) => i.log().includes("read replica not used"));

  return {
    figures: {
      "S3 create-then-read pairs": made.done,
      "S3 false 404s": made.falseNotFound,
      "S3 lookups answered on the replica": lookups,
      "S3 links taken away (revoke, remove, rotate, pause, cancel)": links.length,
      "S3 worst time to 404 on every instance (ms)": worst < 0 ? 0 : Math.round(worst),
      "S3 documented bound REPLICA_MAX_LAG_MS (ms)": ctx.boundMs,
      "S3 requests while the replica stopped": under.total,
      "S3 5xx / failed while the replica stopped": `${under.serverErrors} / ${under.failed}`,
    },
    checks: [
      {
        name: `S3: 0 false 404s over ${PAIRS} create-then-read pairs`,
        ok: made.done >= PAIRS && made.falseNotFound === 0 && made.otherFailures === 0,
        detail: `${made.falseNotFound} false 404s, ${made.otherFailures} other; ${made.samples.join(" | ")}`,
      },
      {
        name: "S3: the replica answered reads",
        ok: lookups > 0 && wasInUse,
        detail: `${lookups} lookups; in use: ${wasInUse}`,
      },
      {
        name: "S3: every link taken away is 404 everywhere within the bound",
        ok: worst < ctx.boundMs && otherAnswers === 0,
        detail: `worst ${Math.round(worst)} ms, bound ${ctx.boundMs} ms, other answers ${otherAnswers}`,
      },
      {
        name: "S3: replica stopped under load -> 0 5xx, 0 failed",
        ok: under.failed === 0 && under.total > 0 && fellBack,
        detail: `${under.failed} failed of ${under.total}; fell back: ${fellBack}; ${under.failures.join(" | ")}`,
      },
    ],
  };
};
