import { serviceUnavailable, validationError } from "@sharelinks/core";
import { type DbErrorClass, dbObserver } from "./observer";

/**
 * Reading what went wrong in the database. Drizzle wraps driver errors
 * (DrizzleQueryError, with the postgres.js or PGlite error as `cause`), and
 * network failures arrive as Node system errors, sometimes inside an
 * AggregateError, so every check walks the whole chain.
 */

const MAX_DEPTH = 8;

const chainOf = (error: unknown): unknown[] => {
  const chain: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && chain.length < MAX_DEPTH) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || chain.includes(current)) continue;
    chain.push(current);
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return chain;
};

const codesOf = (error: unknown): string[] =>
  chainOf(error)
    .map((e) => (e as { code?: unknown }).code)
    .filter((code): code is string => typeof code === "string");

/** Name of the violated constraint, as Postgres reports it (postgres.js and PGlite both carry it). */
export const constraintOf = (error: unknown): string | undefined => {
  for (const e of chainOf(error)) {
    const { constraint, constraint_name } = e as { constraint?: unknown; constraint_name?: unknown };
    if (typeof constraint === "string") return constraint;
    if (typeof constraint_name === "string") return constraint_name;
  }
  return undefined;
};

export const isUniqueViolation = (error: unknown, constraint?: string) =>
  codesOf(error).includes("23505") && (constraint === undefined || constraintOf(error) === constraint);

/** The database gave up on this transaction, not on the request: running it again may well succeed. */
export const isRetryableTransactionError = (error: unknown) =>
  codesOf(error).some((code) => code === "40001" || code === "40P01");

const CONNECTION_CODES = new Set([
  // Node networking
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // Postgres: shutting down, starting up, out of connections, statement or lock timeout
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "57014",
  "55P03",
]);

// Closed handles say so only in their message (PGlite, and pg-style "terminated").
const UNAVAILABLE_MESSAGES = /PGlite is closed|database is closed|connection terminated/i;

/** The database is unreachable or refusing work for now; the request itself was fine. */
export const isUnavailableError = (error: unknown) =>
  codesOf(error).some((code) => CONNECTION_CODES.has(code) || code.startsWith("08")) ||
  chainOf(error).some((e) => {
    const message = (e as { message?: unknown }).message;
    return typeof message === "string" && UNAVAILABLE_MESSAGES.test(message);
  });

/**
 * SQLSTATE class 22, "data exception": the database refused a value (NUL in
 * text, an unsupported Unicode escape in jsonb, a date out of range...).
 */
export const isDataException = (error: unknown) =>
  codesOf(error).some((code) => /^22[0-9A-Z]{3}$/.test(code));

/** The metrics class of a database failure; null when it is not one (a DomainError, a bug). */
export const errorClassOf = (error: unknown): DbErrorClass | null => {
  if (isUnavailableError(error)) return "unavailable";
  if (isRetryableTransactionError(error)) return "serialization";
  const sqlstate = codesOf(error).find((code) => /^[0-9A-Z]{5}$/.test(code));
  if (sqlstate === undefined) return null;
  if (sqlstate.startsWith("22")) return "data";
  if (sqlstate.startsWith("23")) return "constraint";
  return "other";
};

/**
 * The one place a database failure becomes a domain error, keeping the
 * original as `cause` for the logs (which serialize only its SQLSTATE,
 * constraint and message):
 * - unreachable, refusing work, or a spent retry -> `service_unavailable` (503)
 *   with core's one `retry_after`;
 * - a refused value (class 22) -> `validation_error` (400). Core's text rule
 *   stops such values first; this is the net behind it, so a value that slips
 *   past is still the caller's error and never a 500.
 * Anything else (DomainErrors, bugs) passes through untouched.
 */
export const translateDbError = (error: unknown): unknown => {
  const kind = errorClassOf(error);
  if (kind !== null) dbObserver.error(kind);
  let translated: Error | null = null;
  if (isUnavailableError(error) || isRetryableTransactionError(error)) translated = serviceUnavailable();
  else if (isDataException(error))
    translated = validationError("A value in the request was not accepted", { reason: "invalid_value" });
  if (translated === null) return error;
  (translated as { cause?: unknown }).cause = error;
  return translated;
};

/** Runs one database call, answering 503 rather than 500 when the database is the problem. */
export const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw translateDbError(error);
  }
};
