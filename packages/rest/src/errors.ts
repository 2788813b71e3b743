import { DomainError, type ErrorCode, isDomainError, serviceUnavailable } from "@sharelinks/core";
import { isRetryableTransactionError, isUnavailableError } from "@sharelinks/db";

/** The one place an error code becomes an HTTP status (SPEC §4). */
export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  body_validation_error: 422,
  rate_limit_exceeded: 429,
  internal_error: 500,
  service_unavailable: 503,
};

/** Seconds a client is told to wait when the database is unreachable and the db layer did not say. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

export const INTERNAL_ERROR_MESSAGE = "An unexpected error occurred";

/**
 * The DomainError an arbitrary failure stands for, or null when it is a bug.
 * The db layer maps connection failures itself; this is the defensive net for
 * raw driver errors that slip through, however deeply they are wrapped.
 */
export const domainErrorOf = (error: unknown): DomainError | null => {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth += 1) {
    if (isDomainError(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  // Retries already spent in the db layer, or the database is away: 503, not a bug.
  if (isUnavailableError(error) || isRetryableTransactionError(error)) {
    return serviceUnavailable(DEFAULT_RETRY_AFTER_SECONDS);
  }
  return null;
};

export const internalError = () => new DomainError("internal_error", INTERNAL_ERROR_MESSAGE);

/** `{"error": {code, message, details?}, "request_id"}` */
export const errorEnvelope = (error: DomainError, requestId: string): string =>
  JSON.stringify({
    error:
      error.details === undefined
        ? { code: error.code, message: error.message }
        : { code: error.code, message: error.message, details: error.details },
    request_id: requestId,
  });

export const rateLimitExceeded = (retryAfterSeconds: number) =>
  new DomainError("rate_limit_exceeded", "Per-minute rate limit exceeded", {
    retry_after: retryAfterSeconds,
  });
