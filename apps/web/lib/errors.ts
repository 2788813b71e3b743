import type { DomainErrorData } from "@sharelinks/api";
import type { FieldIssue } from "@sharelinks/core";
import { ACTIVE_SHARES_PER_RESOURCE } from "@sharelinks/core/constants";
import { TRPCClientError } from "@trpc/client";
import { plainFieldError } from "./field-errors";
import { policyFieldError } from "./policy-errors";

/**
 * Reading what the API said went wrong. The server's error formatter adds
 * `data.domainCode` (the error catalog code, docs/architecture.md) and
 * `data.details` (e.g. `{reason: "share_limit_reached", limit: 50}`,
 * `{errors: [{path, message}]}` or `{retry_after: 42}`).
 */
type ErrorData = Partial<DomainErrorData> & { code?: string; httpStatus?: number };

const dataOf = (error: unknown): ErrorData | null => {
  if (error instanceof TRPCClientError) return (error.data ?? null) as ErrorData | null;
  return null;
};

export const trpcCodeOf = (error: unknown): string | null => dataOf(error)?.code ?? null;

export const domainCodeOf = (error: unknown): string | null => dataOf(error)?.domainCode ?? null;

export const isUnauthorized = (error: unknown) => trpcCodeOf(error) === "UNAUTHORIZED";

export const isNotFound = (error: unknown) => trpcCodeOf(error) === "NOT_FOUND";

/** The 50-links-per-resource cap. */
export const shareLimitOf = (error: unknown): { limit: number } | null => {
  const details = dataOf(error)?.details;
  if (details && details.reason === "share_limit_reached") {
    return { limit: typeof details.limit === "number" ? details.limit : ACTIVE_SHARES_PER_RESOURCE };
  }
  return null;
};

export const fieldIssuesOf = (error: unknown): FieldIssue[] => {
  const errors = dataOf(error)?.details?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (issue): issue is FieldIssue =>
      typeof issue === "object" && issue !== null && typeof (issue as FieldIssue).message === "string",
  );
};

/**
 * Field errors as sentences, keyed by path (`expiration_days`,
 * `white_label_config.logo_url`, ...), including a brand policy refusal on
 * the field it is about.
 */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  const policy = policyFieldError(dataOf(error)?.details);
  if (policy) out[policy.field] = policy.sentence;
  for (const issue of fieldIssuesOf(error)) {
    const key = issue.path ?? "";
    if (!(key in out)) out[key] = plainFieldError(key, issue.message);
  }
  return out;
};

/** Seconds the server asked us to wait (`details.retry_after`), when it said. */
export const retryAfterOf = (error: unknown): number | null => {
  const value = dataOf(error)?.details?.retry_after;
  const seconds = typeof value === "string" ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
};

/** "Try again in 40 seconds." / "Try again in 3 minutes." */
export const waitSentence = (seconds: number | null): string => {
  if (seconds === null) return "Wait a moment and try again.";
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
};

/** One human sentence for a banner. */
export const errorMessage = (
  error: unknown,
  fallback = "Something went wrong. Please try again.",
): string => {
  if (!error) return fallback;
  if (error instanceof TRPCClientError) {
    const code = trpcCodeOf(error);
    if (!code && /fetch|network/i.test(error.message))
      return "Can't reach the server. Check your connection.";
    if (code === "TOO_MANY_REQUESTS") return `Too many attempts. ${waitSentence(retryAfterOf(error))}`;
    if (code === "SERVICE_UNAVAILABLE")
      return "The service is temporarily unavailable. Please retry shortly.";
    if (code === "INTERNAL_SERVER_ERROR") return "Something went wrong on our side. Please try again.";
    const limit = shareLimitOf(error);
    if (limit) {
      return `This resource already has ${limit.limit} active links, the most allowed. Revoke one before creating another.`;
    }
    const policy = policyFieldError(dataOf(error)?.details);
    if (policy) return policy.sentence;
    const issues = fieldIssuesOf(error);
    if (issues.length > 0 && domainCodeOf(error) === "body_validation_error") {
      const [only] = issues;
      return issues.length === 1 && only
        ? plainFieldError(only.path ?? "", only.message)
        : "Please correct the highlighted fields.";
    }
    return error.message || fallback;
  }
  if (error instanceof Error) return error.message || fallback;
  return fallback;
};
