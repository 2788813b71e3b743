import type { Sql } from "postgres";
import type { Orm, RawQuery, RawRow } from "./database";

/**
 * Hand-written statements for the hottest paths (the share writes), sent
 * straight to the driver drizzle holds for this database or transaction:
 * no query building, placeholder filling or row mapping per call. The text is
 * a constant, so postgres.js keeps it as a named prepared statement per
 * connection (one round trip, planned once), unless the pool runs without
 * prepared statements (behind a transaction-mode pooler): the client drizzle
 * holds is the one `withStatementPreparation` wrapped, which decides for
 * every query, these included.
 *
 * Parameters go in as drizzle would send them (timestamps as ISO text, jsonb
 * as JSON text, null as SQL null), so both drivers see the same values as on
 * the query builder's paths. Rows come back as the driver parses them:
 * timestamps as text (postgres.js, as drizzle configures it) or Dates
 * (PGlite), jsonb parsed; `dateOf` and `jsonOf` read either.
 */
export type { RawQuery, RawRow };

interface PgliteLike {
  query(text: string, params: unknown[]): Promise<{ rows: RawRow[] }>;
}

/** The driver call for `orm` (a database or one of its transactions). */
export const rawQueryOf = (orm: Orm): RawQuery => {
  const client = (orm._.session as unknown as { client: unknown }).client;
  if (typeof (client as Partial<Sql>).unsafe === "function") {
    const sql = client as Sql;
    return (text, params) => sql.unsafe(text, params as never[]) as unknown as Promise<RawRow[]>;
  }
  const pglite = client as PgliteLike;
  return async (text, params) => (await pglite.query(text, params as unknown[])).rows;
};

/** A timestamptz as the driver gave it: text (postgres.js under drizzle) or a Date (PGlite). */
export const dateOf = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

export const dateOrNullOf = (value: unknown): Date | null =>
  value === null || value === undefined ? null : dateOf(value);

/** A jsonb value as drizzle reads one: parsed by the driver, or text to parse. */
export const jsonOf = <T>(value: unknown): T => {
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as T;
    } catch {
      return value as T;
    }
  }
  return value as T;
};

/** A jsonb parameter as drizzle sends one: JSON text, SQL null for null. */
export const jsonParam = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** A timestamptz parameter as drizzle sends one. */
export const dateParam = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/**
 * One statement of the hot path: its text with `$1..$arity`, and a key naming
 * it (statements combined into one are cached by their keys).
 */
export interface RawStatement {
  readonly key: string;
  readonly text: string;
  readonly arity: number;
}

export const rawStatement = (key: string, text: string): RawStatement => {
  const numbers = [...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
  return {
    key,
    text: text.replace(/\s+/g, " ").trim(),
    arity: numbers.length === 0 ? 0 : Math.max(...numbers),
  };
};

const renumbered = (text: string, offset: number) =>
  offset === 0 ? text : text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

const combinedTexts = new Map<string, string>();

/**
 * `with w0 as (a), w1 as (b) c`: the statements as one, every sub-statement run
 * once, to completion, on one snapshot; parameters numbered on from each
 * other's. The text is made once per sequence of statements.
 */
export const combinedText = (statements: readonly RawStatement[]): string => {
  if (statements.length === 1) return (statements[0] as RawStatement).text;
  const key = statements.map((s) => s.key).join("|");
  let text = combinedTexts.get(key);
  if (text === undefined) {
    let offset = 0;
    const parts = statements.map((statement) => {
      const part = renumbered(statement.text, offset);
      offset += statement.arity;
      return part;
    });
    const last = parts.pop() as string;
    text = `with ${parts.map((part, i) => `w${i} as (${part})`).join(", ")} ${last}`;
    combinedTexts.set(key, text);
  }
  return text;
};
