import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";

/** The committed SQL, found relative to this file so any working directory works. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../drizzle", import.meta.url));

// Arbitrary but fixed: every instance of the app must agree on it.
export const MIGRATION_LOCK_KEY = 7_460_301_945;
export const DEFAULT_MIGRATION_LOCK_TIMEOUT_MS = 120_000;
const WAIT_LOG_INTERVAL_MS = 5_000;

export interface MigrateOptions {
  /** How long to wait for another instance's migration before giving up with an error. */
  lockTimeoutMs?: number;
  /** Progress lines ("waiting for the migration lock", "applied 0003_x"). */
  log?: (message: string, fields: Record<string, unknown>) => void;
}

export interface MigrateResult {
  /** Tags of the migrations this call applied (empty: the schema was current). */
  applied: string[];
}

export interface SchemaStatus {
  /** Tags of the migrations this build has and the database has not. */
  pending: string[];
}

interface Migration {
  tag: string;
  sql: string[];
  hash: string;
  folderMillis: number;
}

let cached: Migration[] | null = null;
const migrations = (): Migration[] => {
  if (cached) return cached;
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8")) as {
    entries: { tag: string }[];
  };
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  cached = files.map((file, i) => ({ ...file, tag: journal.entries[i]?.tag ?? String(file.folderMillis) }));
  return cached;
};

// biome-ignore lint/suspicious/noExplicitAny: both drivers' drizzle databases run the same SQL.
type AnyOrm = PgDatabase<PgQueryResultHKT, any>;
type Executor = Pick<AnyOrm, "execute">;

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) ?? [];

/**
 * Which migrations are missing, by the same rule as drizzle's migrator (the
 * newest applied `created_at`): a read, no DDL, so a DML-only role can ask.
 */
const pendingOf = async (db: Executor): Promise<Migration[]> => {
  // pg_class read with the statement's snapshot, not to_regclass: to_regclass
  // looks the name up in the backend's catalog cache, which a waiter that just
  // got the migration lock may not have refreshed since the winner created the
  // table (no relation lock was taken to make it read the invalidations), and
  // it then answered "absent" and ran every migration again (scale test S4).
  const [present] = rowsOf(
    await db.execute(
      sql`select exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'drizzle' and c.relname = '__drizzle_migrations') as present`,
    ),
  );
  if (!present?.present) return migrations();
  const [last] = rowsOf(
    await db.execute(sql`select max(created_at) as last from drizzle.__drizzle_migrations`),
  );
  const lastMillis = last?.last === null || last?.last === undefined ? null : Number(last.last);
  return migrations().filter((m) => lastMillis === null || m.folderMillis > lastMillis);
};

export const schemaStatus = async (db: Executor): Promise<SchemaStatus> => ({
  pending: (await pendingOf(db)).map((m) => m.tag),
});

/**
 * Applies every migration the database lacks, in one transaction that holds a
 * transaction-scoped advisory lock: instances started together take turns,
 * the later ones find nothing left, and the lock goes with the transaction,
 * so it holds through a transaction-mode pooler too (a session lock would stay
 * behind on a pooled server connection). Nothing pending: no lock and no DDL.
 */
export const runMigrations = async (orm: AnyOrm, options: MigrateOptions = {}): Promise<MigrateResult> => {
  if ((await pendingOf(orm)).length === 0) return { applied: [] };
  const log = options.log ?? (() => {});
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_MIGRATION_LOCK_TIMEOUT_MS;
  return orm.transaction(async (tx) => {
    // DDL may take long; the wait for the lock may not.
    await tx.execute(
      sql`select set_config('statement_timeout', '0', true), set_config('lock_timeout', ${String(lockTimeoutMs)}, true)`,
    );
    const [got] = rowsOf(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${MIGRATION_LOCK_KEY}) as ok`),
    );
    if (!got?.ok) {
      const started = Date.now();
      const fields = () => ({ lock: MIGRATION_LOCK_KEY, waited_ms: Date.now() - started });
      log("migrate: another instance is migrating; waiting for the migration lock", fields());
      const ticker = setInterval(
        () => log("migrate: still waiting for the migration lock", fields()),
        WAIT_LOG_INTERVAL_MS,
      );
      try {
        await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      } finally {
        clearInterval(ticker);
      }
      log("migrate: got the migration lock", fields());
    }
    const pending = await pendingOf(tx);
    if (pending.length === 0) return { applied: [] };
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    for (const migration of pending) {
      for (const statement of migration.sql) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      log("migrate: applied", { migration: migration.tag });
    }
    return { applied: pending.map((m) => m.tag) };
  });
};

/** A bare PGlite (image builds, test images): migrated without a Database around it. */
export const migratePgliteClient = async (client: PGlite): Promise<void> => {
  await runMigrations(drizzlePglite({ client }));
};
