/**
 * The error catalog (SPEC §4) as domain codes. HTTP statuses are the adapters'
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

export const notFound = (what = "Resource") => new DomainError("not_found", `${what} not found`);

export const forbidden = (message = "You do not have permission to access this resource") =>
  new DomainError("forbidden", message);

export const conflict = (message: string) => new DomainError("conflict", message);

export const gone = (message = "This share link has expired") => new DomainError("gone", message);

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

export const serviceUnavailable = (
  retryAfterSeconds: number,
  message = "Service temporarily unavailable, please retry",
) => new DomainError("service_unavailable", message, { retry_after: retryAfterSeconds });
