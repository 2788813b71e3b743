import type { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Orm } from "../client";

/**
 * pg-boss talks to its database through `executeSql(text, values)`. On a
 * PostgreSQL server it uses its own small `pg` pool; these adapters let it run
 * on embedded PGlite and inside one of the app's transactions.
 */
export type SqlExecutor = PgBoss.Db;

/**
 * PGlite has one connection and serializes every call (a drizzle transaction
 * holds it until it ends), so pg-boss's statements simply queue behind the
 * app's. Statements without parameters may be several (`BEGIN; ...; COMMIT;`):
 * those go through `exec`, which runs them in one call.
 */
export const pgliteExecutor = (client: PGlite): SqlExecutor => ({
  async executeSql(text, values) {
    if (values && values.length > 0) return client.query(text, values);
    const results = await client.exec(text);
    return results.at(-1) ?? { rows: [] };
  },
});

const PLACEHOLDER = /\$(\d+)/g;

/** pg-style `$1` placeholders and values as one drizzle SQL, each value a bound parameter. */
export const positionalSql = (text: string, values: readonly unknown[] = []): SQL => {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    const value = values[Number(match[1]) - 1] ?? null;
    // As pg does: plain objects are sent as JSON (and undefined as NULL, which drizzle would drop).
    const bound =
      typeof value === "object" && value !== null && !(value instanceof Date) && !Array.isArray(value)
        ? JSON.stringify(value)
        : value;
    chunks.push(sql`${bound}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
};

/**
 * Runs pg-boss's statements on a drizzle transaction, so a job sent with it is
 * committed or rolled back together with the transaction's other writes (the
 * outbox pattern: an event and the change that caused it, or neither).
 */
export const transactionExecutor = (tx: Orm): SqlExecutor => ({
  async executeSql(text, values) {
    const result = (await tx.execute(positionalSql(text, values))) as unknown;
    return { rows: (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as unknown[] };
  },
});
