import {
  type DomainError,
  domainErrorOf,
  type ErrorCode,
  type ErrorDetails,
  fieldIssuesOf,
} from "@sharelinks/core";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

type TRPCErrorCode = TRPCError["code"];

/**
 * The one place a core error code becomes a tRPC code. tRPC has no 410, so an
 * expired link is NOT_FOUND over the wire; `data.domainCode` still says `gone`.
 */
export const TRPC_CODE_BY_DOMAIN_CODE: Record<ErrorCode, TRPCErrorCode> = {
  validation_error: "BAD_REQUEST",
  body_validation_error: "BAD_REQUEST",
  payload_too_large: "PAYLOAD_TOO_LARGE",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  gone: "NOT_FOUND",
  conflict: "CONFLICT",
  rate_limit_exceeded: "TOO_MANY_REQUESTS",
  service_unavailable: "SERVICE_UNAVAILABLE",
  internal_error: "INTERNAL_SERVER_ERROR",
};

export const toTRPCError = (error: DomainError): TRPCError =>
  new TRPCError({
    code: TRPC_CODE_BY_DOMAIN_CODE[error.code] ?? "INTERNAL_SERVER_ERROR",
    message: error.message,
    cause: error,
  });

export interface DomainErrorData {
  /** The error catalog code (docs/api.md, "Errors"), e.g. `validation_error`, `gone`. Null for errors core did not raise. */
  domainCode: ErrorCode | null;
  /** e.g. `{reason: "share_limit_reached", limit: 50}` or `{errors: [{path, message}]}`. */
  details: ErrorDetails | null;
}

/** What the error formatter adds to `shape.data`. */
export const domainErrorData = (error: TRPCError): DomainErrorData => {
  const domain = domainErrorOf(error);
  if (domain) return { domainCode: domain.code, details: domain.details ?? null };
  if (error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
    return { domainCode: "body_validation_error", details: { errors: fieldIssuesOf(error.cause.issues) } };
  }
  if (error.code === "UNAUTHORIZED") return { domainCode: "unauthorized", details: null };
  if (error.code === "INTERNAL_SERVER_ERROR") return { domainCode: "internal_error", details: null };
  if (error.code === "PAYLOAD_TOO_LARGE") return { domainCode: "payload_too_large", details: null };
  return { domainCode: null, details: null };
};
