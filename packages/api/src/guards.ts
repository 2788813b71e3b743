import { isDomainError } from "@sharelinks/core";

/**
 * A budget of failed attempts for this request's client, from the HTTP layer
 * (the server's shared rate-limit store, bound to the client address).
 */
export interface FailureGuard {
  /** Throws DomainError `rate_limit_exceeded` (with `details.retry_after`) while the client is refused. */
  check(): void;
  /** Counts one failed attempt. */
  fail(): Promise<void>;
}

/** What the HTTP layer guards per request; absent for in-process callers (server components, tests). */
export interface RequestGuards {
  /** Failed session authentications (a cookie that names no live session), per client IP. */
  authFailures: FailureGuard;
  /** Failed password sign-ins, per client IP. Successful ones cost nothing. */
  signInFailures: FailureGuard;
}

/**
 * Runs an authentication attempt under a failure budget: refused at once while
 * the budget is spent, and an `unauthorized` outcome counts against it.
 */
export const attemptGuarded = async <T>(
  guard: FailureGuard | undefined,
  attempt: () => Promise<T>,
): Promise<T> => {
  guard?.check();
  try {
    return await attempt();
  } catch (error) {
    if (guard && isDomainError(error) && error.code === "unauthorized") await guard.fail();
    throw error;
  }
};
