/**
 * The error catalog (docs/api.md) as domain codes. HTTP statuses are the adapters'
 * business: core only says *what* went wrong.
 */
export const ERROR_CODES = [
  "validation_error",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "gone",
  "body_validation_error",
  "payload_too_large",
  "rate_limit_exceeded",
  "internal_error",
  "service_unavailable",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Record<string, unknown>;

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/**
 * The DomainError behind a failure however deeply it was wrapped (`cause`
 * chains: tRPC's TRPCError, a 503 carrying its driver error), or null when
 * there is none, which makes the failure a bug.
 */
export const domainErrorOf = (error: unknown): DomainError | null => {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth += 1) {
    if (isDomainError(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
};

export const notFound = (what = "Resource") => new DomainError("not_found", `${what} not found`);

export const forbidden = (message = "You do not have permission to access this resource") =>
  new DomainError("forbidden", message);

export const conflict = (message: string) => new DomainError("conflict", message);

export const gone = (message = "This share link has expired", details?: ErrorDetails) =>
  new DomainError("gone", message, details);

export const unauthorized = (message = "Missing or invalid credentials") =>
  new DomainError("unauthorized", message);

export const validationError = (message: string, details?: ErrorDetails) =>
  new DomainError("validation_error", message, details);

export interface FieldIssue {
  path: string;
  message: string;
}

export const bodyValidationError = (
  errors: FieldIssue[],
  message = "Request body did not match the expected schema",
) => new DomainError("body_validation_error", message, { errors });

/** Seconds a client is told to wait before retrying a 503: the one value every adapter uses. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

export const serviceUnavailable = (
  retryAfterSeconds: number = SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  message = "Service temporarily unavailable, please retry",
) => new DomainError("service_unavailable", message, { retry_after: retryAfterSeconds });

export const rateLimitExceeded = (retryAfterSeconds: number, message = "Per-minute rate limit exceeded") =>
  new DomainError("rate_limit_exceeded", message, { retry_after: retryAfterSeconds });

/** The body passed the size limit of its route; `details.limit_bytes` says what the limit is. */
export const payloadTooLarge = (limitBytes: number) =>
  new DomainError("payload_too_large", `Request body exceeds the ${limitBytes}-byte limit`, {
    limit_bytes: limitBytes,
  });
