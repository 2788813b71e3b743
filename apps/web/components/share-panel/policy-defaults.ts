import type { SharePolicy } from "@sharelinks/core";
import { DEFAULT_EXPIRATION_DAYS } from "@sharelinks/core/expiry";

/**
 * The expiry a new link gets when the form is left as it is: core's rule
 * (brands/policy-rules.ts `defaultExpirationDays`) restated for the browser,
 * which does not load core's zod-heavy index. policy-defaults.test.ts holds
 * the two together.
 */
export const policyDefaultDays = (policy: SharePolicy | null): number =>
  policy?.default_expiration_days ??
  Math.min(DEFAULT_EXPIRATION_DAYS, policy?.max_expiration_days ?? DEFAULT_EXPIRATION_DAYS);
