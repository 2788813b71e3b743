/**
 * The declarative parts of the OpenAPI document that every operation shares:
 * the error catalog's descriptions, the response headers, the
 * `Idempotency-Key` parameter and its conflict examples.
 */
import type { ErrorCode } from "@sharelinks/core";

type Json = Record<string, unknown>;

export const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  validation_error:
    "Request validation failed (bad path or query parameter, or a business rule such as the share cap)",
  unauthorized: "Missing or invalid credentials",
  forbidden: "You do not have permission to access this resource",
  not_found: "Resource not found",
  conflict:
    "Resource conflict. On a write sent with `Idempotency-Key`, `details.reason` says which: " +
    "`idempotency_key_reused` (this key was used, within 24 h, for a different method, path or body) or " +
    "`idempotency_key_in_progress` (the first request with this key is still running: retry after a moment)",
  gone: "The share link has expired",
  body_validation_error: "Request body is not JSON or did not match the expected schema",
  payload_too_large: "Request body exceeds the size limit (1 MiB; 32 MiB on /v1/admin)",
  rate_limit_exceeded: "Per-minute rate limit exceeded",
  internal_error: "An unexpected error occurred",
  service_unavailable: "Service temporarily unavailable, please retry",
};

export const HEADERS: Record<string, Json> = {
  "X-Correlation-ID": {
    description: "The request id; equals `request_id` in error bodies. Quote it when contacting support.",
    schema: { type: "string", format: "uuid" },
  },
  "RateLimit-Limit": { description: "Requests allowed per minute.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
  "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
  "Cache-Control": { description: "`no-store`.", schema: { type: "string" } },
  "Referrer-Policy": { description: "`no-referrer` on public responses.", schema: { type: "string" } },
  "X-Robots-Tag": { description: "`noindex, nofollow` on public responses.", schema: { type: "string" } },
  "Idempotent-Replayed": {
    description:
      "`true` when this is the stored answer of an earlier request with the same `Idempotency-Key` (the work was not done again).",
    schema: { type: "string", enum: ["true"] },
  },
};

export const IDEMPOTENCY_KEY_PARAMETER: Json = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes a retry safe: a repeat of this request (same method, path and body) with the same key, by the same API key " +
    "(or the admin token), within 24 h, gets the first answer again (status and body, with `Idempotent-Replayed: true`) " +
    "without doing the work twice. The same key for a different request is 409 `idempotency_key_reused`; a repeat " +
    "while the first is still running is 409 `idempotency_key_in_progress`. 5xx answers are not kept. " +
    "1-255 printable ASCII characters (a UUID is a good key); anything else is 400 `validation_error`.",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7E]+$" },
  example: "5f2b9c1e-7a43-4c1d-9a0e-2d3f4b5c6d7e",
};

export const EXAMPLE_REQUEST_ID = "9f6c4e8a-1d3b-4c8b-9f1e-7a3b1c2d3e4f";
export const IDEMPOTENCY_CONFLICT_EXAMPLES: Json = {
  idempotency_key_reused: {
    summary: "The key was used for a different request",
    value: {
      error: {
        code: "conflict",
        message: "This Idempotency-Key was used for a different request",
        details: { reason: "idempotency_key_reused" },
      },
      request_id: EXAMPLE_REQUEST_ID,
    },
  },
  idempotency_key_in_progress: {
    summary: "The first request with this key is still running",
    value: {
      error: {
        code: "conflict",
        message: "A request with this Idempotency-Key is still being processed; retry later",
        details: { reason: "idempotency_key_in_progress" },
      },
      request_id: EXAMPLE_REQUEST_ID,
    },
  },
};
