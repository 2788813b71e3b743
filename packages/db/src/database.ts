import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { MigrateOptions, MigrateResult, SchemaStatus } from "./migrate";
import type { PoolStats } from "./pool-stats";
import type * as schema from "./schema";

export type Schema = typeof schema;

/**
 * The drizzle API both drivers share. Repositories are written against this,
 * so they run unchanged on embedded PGlite and on a PostgreSQL server.
 */
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = "pglite" | "postgres";

/** A row as the driver gives it, and one statement sent to it as text with its parameters (raw-sql.ts). */
export type RawRow = Record<string, unknown>;
export type RawQuery = (text: string, params: readonly unknown[]) => Promise<RawRow[]>;

export interface Database {
  kind: DatabaseKind;
  orm: Orm;
  /**
   * One transaction on the driver's own (postgres.js `begin`, PGlite
   * `transaction`), its statements sent as constant texts (raw-sql.ts): no
   * drizzle session or transaction object is made for it. For the hottest
   * writes (the share transactions); the same pool, statement preparation,
   * pool statistics, tracing and, behind a transaction pooler, the same
   * per-transaction timeouts as `orm.transaction`.
   */
  rawTransaction<T>(work: (query: RawQuery) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a query; rejects with `service_unavailable` otherwise. */
  ping(): Promise<void>;
  /**
   * Applies the migrations the database lacks (PostgreSQL: over
   * DIRECT_DATABASE_URL when given, under a transaction-scoped advisory lock).
   * Nothing pending: no lock, no DDL.
   */
  migrate(options?: MigrateOptions): Promise<MigrateResult>;
  /** Which migrations are missing; a read only (a DML-only role may ask). */
  schemaStatus(): Promise<SchemaStatus>;
  /**
   * True while some database work has waited for an answer longer than the
   * client-side deadline: the pool cannot serve (`/healthz` says so).
   */
  wedged(): boolean;
  close(): Promise<void>;
  /** PostgreSQL only: how busy the connection pool is now (metrics). */
  pool?(): PoolStats;
}

/** How the application's connections reach PostgreSQL. */
export type PoolerMode = "none" | "transaction";

export interface CreateDbOptions {
  /** PGlite data directory, used when no URL is given. Omit both for an in-memory database. */
  dataDir?: string;
  /**
   * A migrated PGlite data directory (`buildPgliteImage`) copied into an empty
   * `dataDir` instead of running initdb there. Ignored when it does not exist.
   */
  pgliteImage?: string;
  /** postgres.js pool size (DATABASE_POOL_SIZE). */
  maxConnections?: number;
  /** Seconds to wait for a new PostgreSQL connection before answering 503. */
  connectTimeoutSeconds?: number;
  /** Server-side cap on one statement, so a stuck query ends as an error instead of a hang. */
  statementTimeoutMs?: number;
  /** Server-side cap on a transaction left idle (a crashed request must not keep its locks). */
  idleInTransactionTimeoutMs?: number;
  /**
   * DATABASE_POOLER=transaction: the URL is a transaction-mode pooler
   * (PgBouncer): no named prepared statements, no connect-time parameters;
   * the timeouts are set per transaction (`SET LOCAL`).
   */
  pooler?: PoolerMode;
  /**
   * Named prepared statements for every query (statement-preparation.ts).
   * Default: yes, unless behind a transaction pooler.
   */
  preparedStatements?: boolean;
  /** DIRECT_DATABASE_URL: what migrations use (the server itself, not the pooler). */
  directUrl?: string;
  /** Client-side: no answer for this long while one is owed, the connection is given up (503). */
  deadlineMs?: number;
  /** Client-side: a transaction open longer than this, the connection is given up (503). */
  transactionDeadlineMs?: number;
  /** TCP keepalive idle seconds on every pool connection. */
  keepAliveSeconds?: number;
}

export const DATABASE_DEFAULTS = {
  maxConnections: 10,
  connectTimeoutSeconds: 3,
  statementTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 15_000,
  deadlineMs: 6_000,
  transactionDeadlineMs: 15_000,
  keepAliveSeconds: 30,
} as const;
