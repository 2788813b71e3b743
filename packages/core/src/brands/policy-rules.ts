import { validationError } from "../errors";
import { DEFAULT_EXPIRATION_DAYS, expiresAtFrom } from "../shares/expiry";
import type { SharePolicy } from "./share-policy";

/**
 * How a brand's share policy (docs/protection.md) bears on one link. Pure
 * functions: the share use cases read the policy and call these, so a rule is
 * written once for create, refresh, rotate, extend and PATCH.
 */

/**
 * Refuses an expiry the brand does not allow. `details` carries the limit
 * twice: as `max_expiration_days` (the policy's own name) and as `limit`
 * (what the share cap's refusal calls it), so clients of either read it.
 */
export const assertWithinMaxExpiry = (policy: SharePolicy, days: number | undefined): void => {
  const max = policy.max_expiration_days;
  if (days === undefined || max === null || days <= max) return;
  throw validationError(`This brand allows links of at most ${max} days`, {
    reason: "exceeds_brand_max_expiry",
    field: "expiration_days",
    max_expiration_days: max,
    limit: max,
  });
};

/**
 * Days a new link lives when the create names none: the brand's default, else
 * the service's 30 days, shortened to the brand's maximum when that is lower
 * (a policy of "at most 7 days" must not hand out 30 by default).
 */
export const defaultExpirationDays = (policy: SharePolicy): number =>
  policy.default_expiration_days ??
  Math.min(DEFAULT_EXPIRATION_DAYS, policy.max_expiration_days ?? DEFAULT_EXPIRATION_DAYS);

/**
 * An expiry instant carried over from a replaced link (`keep_settings`), no
 * later than the brand's maximum from now: the policy may have been tightened
 * since that link was made, and a rotation must not outlive it.
 */
export const capCarriedExpiry = (policy: SharePolicy, carried: Date, now: Date): Date => {
  const max = policy.max_expiration_days;
  if (max === null) return carried;
  const latest = expiresAtFrom(now, max);
  return carried.getTime() > latest.getTime() ? latest : carried;
};

/**
 * Refuses a link that would end up without a password under a policy that
 * requires one: a new link created without one, a refresh of an unprotected
 * link that does not add one, or a change that removes it.
 */
export const assertPasswordPolicy = (policy: SharePolicy, willHavePassword: boolean): void => {
  if (!policy.require_password || willHavePassword) return;
  throw validationError("This brand requires a password on every link", {
    reason: "password_required_by_policy",
    field: "password",
  });
};
