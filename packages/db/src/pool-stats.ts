import type { Sql } from "postgres";
import { dbTracingEnabled, endDbSpan, startDbSpan } from "./db-tracing";

export interface PoolStats {
  /** The pool's size (postgres.js `max`). */
  size: number;
  /** Connections busy with a query or holding a transaction. */
  inUse: number;
  /** Queries and transactions queued for a free connection. */
  waiting: number;
}

/**
 * postgres.js keeps its pool's state private, so the pool is watched from
 * outside: every query (`unsafe`, what drizzle calls) and every transaction
 * (`begin`, which holds one connection to its end) counts as one user of a
 * connection while it runs. Users beyond the pool's size are the ones
 * waiting. The statements a transaction runs go over its own connection (not
 * through these), and its opening `begin` statement is told apart by the
 * `onexecute` option only `begin` passes, so nothing is counted twice.
 */
export const trackPool = (client: Sql, size: number): (() => PoolStats) => {
  // Decided once, when the pool is made: without tracing no span is ever started.
  const traced = dbTracingEnabled();
  let active = 0;
  const done = () => {
    active -= 1;
  };
  const unsafe = client.unsafe.bind(client);
  const begin = client.begin.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as { unsafe: unknown }).unsafe = (...args: Parameters<Sql["unsafe"]>) => {
    const query = unsafe(...args);
    const options = args[2] as { onexecute?: unknown } | undefined;
    if (options?.onexecute !== undefined) return query;
    // postgres.js runs a query lazily, on its first `then`; its handler is
    // called once, when it starts, so counting there counts only real work.
    const handle = query as unknown as { handler: (q: unknown) => unknown };
    const handler = handle.handler;
    handle.handler = (q) => {
      active += 1;
      if (traced) {
        // Started here, in the caller's async context: the request's span is its parent.
        const span = startDbSpan("postgresql", typeof args[0] === "string" ? args[0] : null);
        (q as Promise<unknown>).then(
          () => {
            endDbSpan(span);
            done();
          },
          (error: unknown) => {
            endDbSpan(span, error);
            done();
          },
        );
      } else (q as Promise<unknown>).then(done, done);
      return handler(q);
    };
    return query;
  };
  (client as { begin: unknown }).begin = async (...args: unknown[]) => {
    active += 1;
    const span = traced ? startDbSpan("postgresql", null) : null;
    try {
      const result = await begin(...args);
      if (span) endDbSpan(span);
      return result;
    } catch (error) {
      if (span) endDbSpan(span, error);
      throw error;
    } finally {
      active -= 1;
    }
  };
  return () => ({ size, inUse: Math.min(active, size), waiting: Math.max(0, active - size) });
};
