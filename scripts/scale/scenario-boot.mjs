// Scenario 4: three instances started at the same moment on an empty database
// with MIGRATE_ON_START on: one migrates (over DIRECT_DATABASE_URL, under the
// transaction-scoped advisory lock), the others wait with a log line (or find
// the schema current), and all become ready.
import { appInstance } from "./app.mjs";
import { onCleanup, PG_HOST, PG_PORT, psql } from "./infra.mjs";

export const APP_SCHEMAS = ["public", "pgboss", "drizzle"];

/** Grants the app's DML-only role what it needs on tables the migrator (postgres) will create. */
export const defaultDmlGrants = (role) =>
  [
    `grant select, insert, update, delete on tables to ${role}`,
    `grant usage, select on sequences to ${role}`,
    `grant usage on schemas to ${role}`,
  ]
    .map((g) => `alter default privileges for role postgres ${g};`)
    .join("\n");

export const bootScenario = async (ctx) => {
  const db = `sharelinks_scale_boot_${process.pid}`;
  psql(`create database ${db}`);
  onCleanup(() => psql(`drop database if exists ${db} with (force)`, { allowFailure: true }));
  psql(defaultDmlGrants(ctx.appRole), { db });
  const env = {
    DATABASE_URL: `postgres://${ctx.appRole}:${ctx.appPassword}@${PG_HOST}:${ctx.pgbouncer.port}/${db}`,
    DATABASE_POOLER: "transaction",
    DIRECT_DATABASE_URL: `postgres://postgres@${PG_HOST}:${PG_PORT}/${db}`,
    MIGRATE_ON_START: "true",
    REDIS_URL: ctx.redisUrl,
    LOG_LEVEL: "info",
  };
  const instances = await Promise.all(
    ["boot1", "boot2", "boot3"].map((name) => appInstance(name, env, ctx.logDir)),
  );
  const started = performance.now();
  for (const instance of instances) instance.spawn();
  let readyError = null;
  try {
    await Promise.all(instances.map((i) => i.ready(180_000)));
  } catch (error) {
    readyError = error instanceof Error ? error.message : String(error);
  }
  const allReadyMs = performance.now() - started;
  const logs = instances.map((i) => i.log());
  const applied = logs.filter((log) => log.includes("migrate: applied")).length;
  const waited = logs.filter((log) => log.includes("waiting for the migration lock")).length;
  const tables = Number(
    psql(
      `select count(*) from information_schema.tables where table_schema in (${APP_SCHEMAS.map((s) => `'${s}'`).join(",")})`,
      { db },
    ),
  );
  const codes = [];
  for (const instance of instances) codes.push(await instance.stop());
  return {
    figures: {
      "S4 instances migrating": applied,
      "S4 instances waiting with a log line": waited,
      "S4 all three ready after (ms)": Math.round(allReadyMs),
    },
    checks: [
      {
        name: "S4: one instance migrates, the others wait (log line), all become ready",
        ok: readyError === null && applied === 1 && waited >= 1 && tables > 0,
        detail: `${readyError ?? "all ready"}; applied: ${applied}, waited: ${waited}, tables: ${tables}, exits: ${codes.join(",")}`,
      },
    ],
  };
};
