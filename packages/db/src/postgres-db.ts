import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type CreateDbOptions, DATABASE_DEFAULTS, type Database } from "./database";
import { runMigrations, schemaStatus } from "./migrate";
import { guarded } from "./pg-errors";
import { watchSockets } from "./pg-socket";
import { trackPool } from "./pool-stats";
import type { RawQuery, RawRow } from "./raw-sql";
import * as schema from "./schema";
import { preparedStatementsAllowed, withStatementPreparation } from "./statement-preparation";

/**
 * postgres.js pool. Note: postgres@3.4.9 can throw from a timer (crashing the
 * process) when a connection dies inside a transaction; see
 * patches/postgres@3.4.9.patch, which the workspace should apply.
 *
 * Directly on PostgreSQL the timeouts are connect-time parameters. Behind a
 * transaction-mode pooler (DATABASE_POOLER=transaction) a server connection is
 * shared between clients, so: no connect-time parameters (PgBouncer refuses
 * them), no named prepared statements (they live on one server connection),
 * and every transaction starts with `set_config(..., true)` (SET LOCAL), which
 * lasts exactly as long as the transaction. Statements outside a transaction
 * get the role's settings (`ALTER ROLE ... SET statement_timeout`, see
 * docs/operations.md) and the client-side deadline.
 */
export const createPostgresDb = async (url: string, options: CreateDbOptions): Promise<Database> => {
  const settings = { ...DATABASE_DEFAULTS, ...definedOnly(options) };
  // DATABASE_POOLER is also read where no configuration reaches (tools, bench).
  const pooled = options.pooler === "transaction" || !preparedStatementsAllowed();
  const watch = watchSockets({
    statementDeadlineMs: settings.deadlineMs,
    transactionDeadlineMs: settings.transactionDeadlineMs,
    keepAliveSeconds: settings.keepAliveSeconds,
  });
  const client = postgres(url, {
    max: settings.maxConnections,
    connect_timeout: settings.connectTimeoutSeconds,
    // Idle connections are let go, so a restarted server is reconnected to lazily.
    idle_timeout: 30,
    prepare: !pooled,
    // A documented option its type declarations leave out.
    ...({ socket: watch.factory } as object),
    onnotice: () => {},
    connection: pooled
      ? { application_name: "sharelinks" }
      : {
          application_name: "sharelinks",
          statement_timeout: settings.statementTimeoutMs,
          // A transaction abandoned mid-way (a crashed request) must not keep its locks.
          idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
        },
    // json and jsonb come back parsed by postgres.js's default type parsers.
  });
  const pool = trackPool(client, settings.maxConnections);
  const prepare = options.preparedStatements ?? !pooled;
  const orm = drizzlePostgres({ client: withStatementPreparation(client, prepare), schema });
  const timeoutParams = [String(settings.statementTimeoutMs), String(settings.idleInTransactionTimeoutMs)];
  if (pooled) {
    const begin = orm.transaction.bind(orm);
    const timeouts = sql`select set_config('statement_timeout', ${timeoutParams[0]}, true), set_config('idle_in_transaction_session_timeout', ${timeoutParams[1]}, true)`;
    orm.transaction = (work, config) =>
      begin(async (tx) => {
        await tx.execute(timeouts);
        return work(tx);
      }, config);
  }
  // `client.begin` is the pool-tracked one (pool-stats.ts); statements are prepared as withStatementPreparation decides.
  const rawTransaction = <T>(work: (query: RawQuery) => Promise<T>): Promise<T> =>
    client.begin(async (inner) => {
      const query: RawQuery = (text, params) =>
        inner.unsafe(text, params as never[], { prepare }) as unknown as Promise<RawRow[]>;
      if (pooled) await query(POOLED_TIMEOUTS, timeoutParams);
      return work(query);
    }) as Promise<T>;
  const migrateUrl = options.directUrl ?? url;
  // Migrations get a connection of their own: no deadline (DDL may run long
  // and silent), no statement timeout, and the direct URL when there is one.
  const withMigrator = async <T>(run: (orm: ReturnType<typeof drizzlePostgres>) => Promise<T>) => {
    const own = postgres(migrateUrl, {
      max: 1,
      prepare: false,
      connect_timeout: settings.connectTimeoutSeconds,
      onnotice: () => {},
    });
    try {
      return await guarded(() => run(drizzlePostgres({ client: own })));
    } finally {
      await own.end({ timeout: 5 });
    }
  };
  return {
    kind: "postgres",
    orm,
    pool,
    rawTransaction,
    ping: () => guarded(async () => void (await client`select 1`)),
    migrate: (migrateOptions) => withMigrator((own) => runMigrations(own, migrateOptions)),
    schemaStatus: () => guarded(() => schemaStatus(orm)),
    wedged: () => watch.longestWaitMs() > settings.deadlineMs * 1.5,
    async close() {
      watch.stop();
      await client.end({ timeout: 5 });
    },
  };
};

/** The per-transaction timeouts behind a transaction pooler, as raw text (the same statement as `orm.transaction`'s). */
const POOLED_TIMEOUTS =
  "select set_config('statement_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $2, true)";

const definedOnly = (options: CreateDbOptions) =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<
    typeof DATABASE_DEFAULTS
  >;
