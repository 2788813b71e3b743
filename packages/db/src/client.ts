import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDataDirLock } from "./data-dir-lock";
import { dbTracingEnabled, tracePglite } from "./db-tracing";
import { migratePgliteClient, migratePostgresUrl, registerMigrator } from "./migrate";
import { guarded } from "./pg-errors";
import { copyPgliteImage, PGLITE_START_PARAMS } from "./pglite-image";
import { type PoolStats, trackPool } from "./pool-stats";
import * as schema from "./schema";
import { preparedStatementsAllowed, withStatementPreparation } from "./statement-preparation";

export type Schema = typeof schema;

/**
 * The drizzle API both drivers share. Repositories are written against this,
 * so they run unchanged on embedded PGlite and on a PostgreSQL server.
 */
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  orm: Orm;
  /** Resolves when the database answers a query; rejects with `service_unavailable` otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PostgreSQL only: how busy the connection pool is now (metrics). */
  pool?(): PoolStats;
}

export interface CreateDbOptions {
  /** PGlite data directory, used when no URL is given. Omit both for an in-memory database. */
  dataDir?: string;
  /**
   * A migrated PGlite data directory (`buildPgliteImage`) copied into an empty
   * `dataDir` instead of running initdb there. Ignored when it does not exist.
   */
  pgliteImage?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Seconds to wait for a new PostgreSQL connection before answering 503. */
  connectTimeoutSeconds?: number;
  /** Server-side cap on one statement, so a stuck query ends as an error instead of a hang. */
  statementTimeoutMs?: number;
  /**
   * Named prepared statements for every query (statement-preparation.ts).
   * Default: yes, unless DATABASE_POOLER=transaction.
   */
  preparedStatements?: boolean;
}

export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

/**
 * Which database a URL means: `postgres://` and `postgresql://` a server;
 * nothing, `memory://`, `file://path` or a bare path embedded PGlite.
 */
export const resolveTarget = (url: string | undefined, dataDir?: string): DatabaseTarget => {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dataDir: dataDir ?? null };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: "postgres", url: value };
  if (value === "memory://" || value === "memory:") return { kind: "pglite", dataDir: null };
  if (value.startsWith("file://")) return { kind: "pglite", dataDir: value.slice("file://".length) };
  if (!value.includes("://")) return { kind: "pglite", dataDir: value };
  throw new Error(
    `Unsupported database URL scheme in "${value.split("://")[0]}://..."; use postgres://, memory:// or file://`,
  );
};

export const createDb = async (url?: string, options: CreateDbOptions = {}): Promise<Database> => {
  const target = resolveTarget(url, options.dataDir);
  return target.kind === "postgres"
    ? createPostgresDb(target.url, options)
    : createPgliteDb(target.dataDir, {}, options.pgliteImage);
};

/**
 * Embedded PGlite; `extra` lets tests start from a prepared data directory
 * image (`loadDataDir`), `image` is a directory copied into an empty `dataDir`.
 */
export const createPgliteDb = async (
  dataDir: string | null,
  extra: PGliteOptions = {},
  image?: string,
): Promise<Database> => {
  // PGlite is Postgres in single-user mode: two processes on one directory
  // corrupt it, so a second one is refused with a clear message.
  const lock = dataDir ? await acquireDataDirLock(dataDir) : null;
  let client: PGlite;
  try {
    if (dataDir && image) await copyPgliteImage(image, dataDir);
    client = await PGlite.create({
      startParams: [...PGLITE_START_PARAMS],
      ...extra,
      dataDir: dataDir ?? "memory://",
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  if (dbTracingEnabled()) tracePglite(client as never);
  const orm = drizzlePglite({ client, schema });
  const db: Database = {
    kind: "pglite",
    orm,
    ping: () => guarded(async () => void (await client.query("select 1"))),
    async close() {
      // PGlite must be closed before the process exits or the data dir may be left dirty.
      if (!client.closed) await client.close();
      await lock?.release();
    },
  };
  registerMigrator(db, () => migratePgliteClient(client));
  return db;
};

/**
 * postgres.js pool. Note: postgres@3.4.9 can throw from a timer (crashing the
 * process) when a connection dies inside a transaction; see
 * patches/postgres@3.4.9.patch, which the workspace should apply.
 */
const createPostgresDb = async (url: string, options: CreateDbOptions): Promise<Database> => {
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 3,
    // Idle connections are let go, so a restarted server is reconnected to lazily.
    idle_timeout: 30,
    onnotice: () => {},
    connection: {
      application_name: "sharelinks",
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      // A transaction abandoned mid-way (a crashed request) must not keep its locks.
      idle_in_transaction_session_timeout: 30_000,
    },
    // json and jsonb come back parsed by postgres.js's default type parsers.
  });
  const pool = trackPool(client, options.maxConnections ?? 10);
  const prepare = options.preparedStatements ?? preparedStatementsAllowed();
  const orm = drizzlePostgres({ client: withStatementPreparation(client, prepare), schema });
  const db: Database = {
    kind: "postgres",
    orm,
    pool,
    ping: () => guarded(async () => void (await client`select 1`)),
    close: () => client.end({ timeout: 5 }),
  };
  const connectTimeout = options.connectTimeoutSeconds ?? 3;
  registerMigrator(db, () => guarded(() => migratePostgresUrl(url, connectTimeout)));
  return db;
};

/** `select 1`-style raw SQL through drizzle returns a driver-specific shape; this flattens it to rows. */
export const executeRows = async <T extends Record<string, unknown>>(
  db: Pick<Database, "orm">,
  query: SQL,
): Promise<T[]> => {
  const result = (await db.orm.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
};
