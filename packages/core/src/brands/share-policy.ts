import { z } from "zod";
import { MAX_EXPIRATION_DAYS, MIN_EXPIRATION_DAYS } from "../shares/expiry";

/**
 * A brand's policy for its links, set by managers (GET/PATCH /v1/brand,
 * docs/protection.md). Every field is optional: null (or absent) means "no
 * policy", i.e. the service-wide defaults (30 days, up to 365, no password).
 */
export interface SharePolicy {
  /** Applies when a create omits `expiration_days`. */
  default_expiration_days: number | null;
  /** A create, refresh or extend beyond this is refused (`exceeds_brand_max_expiry`). */
  max_expiration_days: number | null;
  /** A new link without a password is refused (`password_required_by_policy`). */
  require_password: boolean;
}

export const NO_SHARE_POLICY: SharePolicy = {
  default_expiration_days: null,
  max_expiration_days: null,
  require_password: false,
};

const policyDays = z
  .int()
  .min(MIN_EXPIRATION_DAYS)
  .max(MAX_EXPIRATION_DAYS)
  .nullable()
  .meta({ description: `${MIN_EXPIRATION_DAYS}-${MAX_EXPIRATION_DAYS} days; null for none.` });

export const sharePolicySchema = z
  .strictObject({
    default_expiration_days: policyDays,
    max_expiration_days: policyDays,
    require_password: z.boolean(),
  })
  .meta({ id: "SharePolicy" });
