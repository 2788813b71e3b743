import type { Sql } from "postgres";

/**
 * Whether the server's statements may be named prepared statements. Not behind
 * a transaction-mode pooler (PgBouncer `pool_mode=transaction`,
 * DATABASE_POOLER=transaction): a prepared statement lives on one server
 * connection, and the pooler hands each transaction whichever one is free.
 */
export const preparedStatementsAllowed = (pooler = process.env.DATABASE_POOLER): boolean =>
  pooler?.trim().toLowerCase() !== "transaction";

type Callback = (sql: Sql) => unknown;

/**
 * drizzle runs every query through postgres.js's `unsafe`, preparing only the
 * ones built with `.prepare(name)`; all the others go out as unnamed
 * statements, which postgres.js sends in two round trips (Parse + Describe,
 * then Bind + Execute) and PostgreSQL plans afresh every time. This wrapper
 * decides for every query instead: named prepared statements (postgres.js keeps
 * them per connection, keyed by the query text: one round trip each, planned
 * once) when `prepare` is true, unnamed ones everywhere when it is false (so a
 * `.prepare(name)` query cannot slip a named statement past a pooler).
 * Transactions and savepoints hand drizzle a wrapped client too.
 */
export const withStatementPreparation = (sql: Sql, prepare: boolean): Sql => {
  const wrapCallback = (args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback !== "function") return args;
    const copy = [...args];
    copy[last] = (inner: Sql) => (callback as Callback)(withStatementPreparation(inner, prepare));
    return copy;
  };
  // Made once per wrapped client, not at every property read: drizzle reads `unsafe` for every statement.
  const unsafe = (query: string, args?: unknown, options?: Record<string, unknown>) => {
    // unsafe(query, options) is postgres.js's two-argument form.
    if (args !== undefined && !Array.isArray(args))
      return sql.unsafe(query, { ...(args as object), prepare } as never);
    return sql.unsafe(query, (args ?? []) as never[], { ...options, prepare });
  };
  const transactional = new Map<PropertyKey, (...args: unknown[]) => unknown>();
  return new Proxy(sql, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property === "unsafe") return unsafe;
      if (property === "begin" || property === "savepoint") {
        let wrapped = transactional.get(property);
        if (wrapped === undefined) {
          wrapped = (...args: unknown[]) => value.apply(target, wrapCallback(args));
          transactional.set(property, wrapped);
        }
        return wrapped;
      }
      return value.bind(target);
    },
  });
};
