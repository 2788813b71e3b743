import { DomainError, type ErrorCode } from "@sharelinks/core";

/** The one place an error code becomes an HTTP status (the table in docs/api.md, "Errors"). */
export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  body_validation_error: 422,
  rate_limit_exceeded: 429,
  internal_error: 500,
  service_unavailable: 503,
};

export const INTERNAL_ERROR_MESSAGE = "An unexpected error occurred";

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
