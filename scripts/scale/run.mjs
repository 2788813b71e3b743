// pnpm test:scale: the scale-out setup of docs/operations.md run for real on
// this machine's PostgreSQL and Redis: three production instances behind
// haproxy (deploy/haproxy.cfg), through PgBouncer in transaction mode
// (deploy/pgbouncer.ini) as a DML-only role, migrations by the migrate
// command, public reads on a streaming replica (pg_basebackup). Four
// scenarios, a table of figures, exit 1 when any check fails. Everything it
// starts is stopped and removed at the end, on failure and on Ctrl-C too.
import { mkdirSync } from "node:fs";
import { appInstance, client, ensureBuild, migrateCommand } from "./app.mjs";
import {
  cleanupAll,
  onCleanup,
  PG_HOST,
  PG_PORT,
  psql,
  run,
  sleep,
  startHaproxy,
  startPgbouncer,
  startReplica,
  tail,
  tempDir,
  waitFor,
} from "./infra.mjs";
import { makeLinks } from "./load.mjs";
import { APP_SCHEMAS, bootScenario } from "./scenario-boot.mjs";
import { contention, lifecycle } from "./scenario-pooler.mjs";
import { replicaScenario } from "./scenario-replica.mjs";
import { rollingRestart } from "./scenario-rolling.mjs";
import { seedWorld } from "./world.mjs";

const BOUND_MS = 1_000;
const began = Date.now();
const step = (message) => console.log(`scale: [${Math.round((Date.now() - began) / 1000)} s] ${message}`);

const requireTools = () => {
  for (const tool of ["psql", "pg_basebackup", "pgbouncer", "haproxy", "setpriv"]) {
    if (run(["sh", "-c", `command -v ${tool}`], { allowFailure: true }).status !== 0)
      throw new Error(`${tool} is not installed (.ci/run installs pgbouncer and haproxy with apt-get)`);
  }
};

/** The app's role: DML only on the app's schemas, the statement timeout docs/operations.md asks for. */
const grantDml = (role, db) => {
  const schemas = APP_SCHEMAS.join(", ");
  psql(
    [
      `grant usage on schema ${schemas} to ${role}`,
      `grant select, insert, update, delete on all tables in schema ${schemas} to ${role}`,
      `grant usage, select on all sequences in schema ${schemas} to ${role}`,
      `alter role ${role} set statement_timeout = '5s'`,
    ].join(";\n"),
    { db },
  );
};

const main = async () => {
  requireTools();
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  step(`production build: ${ensureBuild()}`);
  const logDir = tempDir("logs");
  mkdirSync(logDir, { recursive: true });
  const db = `sharelinks_scale_${process.pid}`;
  const appRole = `sharelinks_scale_app_${process.pid}`;
  const appPassword = `scale-${process.pid}-${Date.now().toString(36)}`;
  const ctx = { db, appRole, appPassword, redisUrl, logDir, boundMs: BOUND_MS };

  // The role goes last (cleanups run last-first): databases granting to it go first.
  psql(`create role ${appRole} login password '${appPassword}'`);
  onCleanup(() => psql(`drop role if exists ${appRole}`, { allowFailure: true }));
  psql(`create database ${db}`);
  onCleanup(() => psql(`drop database if exists ${db} with (force)`, { allowFailure: true }));
  const migrateStarted = Date.now();
  const direct = `postgres://postgres@${PG_HOST}:${PG_PORT}/${db}`;
  const migrated = migrateCommand({ DATABASE_URL: direct, DIRECT_DATABASE_URL: direct });
  step(`migrate command: ${migrated.stdout.trim().split("\n").pop()} (${Date.now() - migrateStarted} ms)`);
  grantDml(appRole, db);

  ctx.replica = await startReplica();
  step(
    `replica: pg_basebackup + start in ${ctx.replica.seconds.toFixed(1)} s (${ctx.replica.size}), port ${ctx.replica.port}`,
  );
  ctx.pgbouncer = await startPgbouncer({ users: [[appRole, appPassword]] });
  step(`PgBouncer (transaction mode, pool ${ctx.pgbouncer.poolSize}) on port ${ctx.pgbouncer.port}`);

  const env = {
    DATABASE_URL: process.env.SCALE_DIRECT
      ? `postgres://${appRole}:${appPassword}@${PG_HOST}:${PG_PORT}/${db}`
      : `postgres://${appRole}:${appPassword}@${PG_HOST}:${ctx.pgbouncer.port}/${db}`,
    DATABASE_POOLER: process.env.SCALE_DIRECT ? "none" : "transaction",
    DATABASE_POOL_SIZE: "10",
    MIGRATE_ON_START: "false",
    DATABASE_REPLICA_URL: `postgres://${appRole}:${appPassword}@${PG_HOST}:${ctx.replica.port}/${db}`,
    REPLICA_MAX_LAG_MS: String(BOUND_MS),
    REDIS_URL: redisUrl,
    SHUTDOWN_DRAIN_MS: "3000",
    SHUTDOWN_TIMEOUT_MS: "20000",
    LOG_LEVEL: "info",
    // Diagnostics only: SCALE_APP_ENV="DATABASE_DEADLINE_MS=60000,..." overrides the app's settings.
    ...Object.fromEntries(
      (process.env.SCALE_APP_ENV ?? "")
        .split(",")
        .filter(Boolean)
        .map((kv) => kv.split("=")),
    ),
  };
  ctx.instances = await Promise.all(["app1", "app2", "app3"].map((name) => appInstance(name, env, logDir)));
  const startedAt = Date.now();
  instancesForLogs = ctx.instances;
  for (const instance of ctx.instances) instance.spawn();
  await Promise.all(ctx.instances.map((i) => i.ready()));
  step(
    `three instances ready in ${Date.now() - startedAt} ms (no DDL: MIGRATE_ON_START=false, DML-only role)`,
  );
  ctx.balancer = await startHaproxy(ctx.instances);
  const probe = client(ctx.balancer.baseUrl);
  await waitFor(
    "haproxy to route to every instance",
    async () => {
      const answers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => probe.request("GET", "/readyz")));
      return answers.every((a) => a.status === 200);
    },
    30_000,
  );
  await sleep(2_500); // rise 2 x inter 1 s: every server is in the rotation
  const http = client(ctx.balancer.baseUrl);
  ctx.world = await seedWorld(http, { users: 200, reports: 8 });
  step(
    `seeded over the admin API: ${ctx.world.users.length} users with API keys, ${ctx.world.reports.length} reports`,
  );

  ctx.diagnose = () =>
    console.log(
      `scale: a request has waited over 8 s. The app's server connections:\n${psql(
        `select state, wait_event_type || ':' || coalesce(wait_event, ''), round(extract(epoch from now() - xact_start)::numeric, 1), left(regexp_replace(query, '\\s+', ' ', 'g'), 100) from pg_stat_activity where usename = '${appRole}' order by xact_start`,
      )}\nPgBouncer pools:\n${ctx.pgbouncer.show("pools")}`,
    );
  const results = [];
  // SCALE_ONLY=S1,S3: run only these (development); CI runs all four.
  const only = process.env.SCALE_ONLY?.split(",");
  const scenario = async (name, work) => {
    if (only && !only.some((s) => name.startsWith(s))) return;
    step(`${name}...`);
    try {
      results.push(await work());
    } catch (error) {
      results.push({
        figures: {},
        checks: [{ name, ok: false, detail: error instanceof Error ? error.stack : String(error) }],
      });
    }
  };
  await scenario("S1 200 concurrent creators through PgBouncer", () => contention(ctx));
  await scenario("S1 share lifecycle through PgBouncer", () => lifecycle(ctx));
  ctx.links = await makeLinks(http, ctx.world.users.slice(1, 21), ctx.world.reports[4]);
  await scenario("S2 rolling restart under load", () => rollingRestart(ctx));
  await scenario("S3 read replica", () => replicaScenario(ctx));
  probe.close();
  http.close();
  for (const instance of ctx.instances) await instance.stop();
  await scenario("S4 three instances at once on an empty database", () => bootScenario(ctx));
  return results;
};

let instancesForLogs = [];

const report = (results) => {
  const figures = Object.assign({}, ...results.map((r) => r.figures));
  const checks = results.flatMap((r) => r.checks);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log("\n| Figure | Value |\n| --- | ---: |");
  for (const [name, value] of Object.entries(figures)) console.log(`| ${name.padEnd(width)} | ${value} |`);
  console.log("");
  for (const check of checks)
    console.log(`${check.ok ? "PASS" : "FAIL"} ${check.name}${check.ok ? "" : `\n     ${check.detail}`}`);
  const failed = checks.filter((c) => !c.ok).length;
  if (failed > 0)
    for (const instance of instancesForLogs)
      console.log(`\n--- ${instance.name} (last lines) ---\n${tail(instance.logFile, 15)}`);
  console.log(
    `\ntest:scale: ${checks.length - failed} passed, ${failed} failed, ${Math.round((Date.now() - began) / 1000)} s`,
  );
  return failed === 0;
};

let finishing = false;
const finish = async (code) => {
  if (finishing) return;
  finishing = true;
  await cleanupAll();
  process.exit(code);
};
process.on("SIGINT", () => void finish(130));
process.on("SIGTERM", () => void finish(143));

main()
  .then((results) => finish(report(results) ? 0 : 1))
  .catch(async (error) => {
    console.error(`test:scale: ${error instanceof Error ? error.stack : error}`);
    await finish(1);
  });
