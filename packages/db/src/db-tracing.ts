import { type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/**
 * Database spans. Neither postgres.js nor PGlite has an OpenTelemetry
 * instrumentation (instrumentation-pg patches the `pg` driver only), so the
 * clients are wrapped here, one CLIENT span per query or transaction, child
 * of whatever span is active (the request's server span).
 *
 * Off unless the server turned tracing on before opening the database: then
 * nothing is wrapped and no span object is made. Attributes name the
 * operation and the table, never the statement's values (they are
 * parameters, but a raw statement could hold a literal).
 */
let enabled = false;

export const traceDb = (on: boolean): void => {
  enabled = on;
};

export const dbTracingEnabled = (): boolean => enabled;

const SUMMARY =
  /^\s*(select|insert\s+into|update|delete\s+from|with|begin|commit|rollback|savepoint|release|set|lock|do|create|alter|drop)\b(?:[\s\S]*?\b(?:from|into|update)\s+("?[a-z_][a-z0-9_]*"?(?:\."?[a-z_][a-z0-9_]*"?)?))?/i;

/** `select shares`, `insert into share_events`, `transaction`: an operation and a table, nothing from the values. */
export const summarize = (statement: string): { operation: string; table: string | null } => {
  const match = SUMMARY.exec(statement);
  if (!match) return { operation: "query", table: null };
  const operation = (match[1] as string).split(/\s+/)[0]?.toLowerCase() ?? "query";
  const table = match[2] ? match[2].replaceAll('"', "") : null;
  return { operation, table };
};

const tracer = () => trace.getTracer("@sharelinks/db");

export const startDbSpan = (system: "postgresql" | "pglite", statement: string | null): Span => {
  const { operation, table } =
    statement === null ? { operation: "transaction", table: null } : summarize(statement);
  const name = table ? `${operation} ${table}` : operation;
  return tracer().startSpan(name, {
    kind: SpanKind.CLIENT,
    attributes: {
      "db.system.name": system === "postgresql" ? "postgresql" : "other_sql",
      "db.system": system,
      "db.operation.name": operation,
      ...(table && { "db.collection.name": table }),
    },
  });
};

export const endDbSpan = (span: Span, error?: unknown): void => {
  if (error !== undefined) {
    const code = (error as { code?: unknown }).code;
    span.setStatus({ code: SpanStatusCode.ERROR });
    if (typeof code === "string") span.setAttribute("db.response.status_code", code);
  }
  span.end();
};

/** Wraps PGlite's `query` and `transaction` (what drizzle calls) in spans. */
export const tracePglite = (client: {
  query: (...args: never[]) => Promise<unknown>;
  transaction: (...args: never[]) => Promise<unknown>;
}): void => {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const transaction = client.transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const run = async (statement: string | null, call: () => Promise<unknown>) => {
    const span = startDbSpan("pglite", statement);
    try {
      const result = await call();
      endDbSpan(span);
      return result;
    } catch (error) {
      endDbSpan(span, error);
      throw error;
    }
  };
  (client as { query: unknown }).query = (...args: unknown[]) =>
    run(typeof args[0] === "string" ? args[0] : "query", () => query(...args));
  (client as { transaction: unknown }).transaction = (...args: unknown[]) =>
    run(null, () => transaction(...args));
};
