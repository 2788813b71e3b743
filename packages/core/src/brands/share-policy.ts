import { z } from "zod";
import { validationError } from "../errors";
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

/**
 * What a stored policy means, whatever the row holds: no policy (null) or an
 * older, partial document reads as the service defaults for the missing fields.
 */
export const sharePolicyOf = (stored: Partial<SharePolicy> | null | undefined): SharePolicy => ({
  default_expiration_days: stored?.default_expiration_days ?? null,
  max_expiration_days: stored?.max_expiration_days ?? null,
  require_password: stored?.require_password ?? false,
});

// Fresh instances per use: the OpenAPI generator would otherwise lift fields
// shared by the policy and its PATCH body into one anonymous schema.
const policyDays = (description: string) =>
  z.int().min(MIN_EXPIRATION_DAYS).max(MAX_EXPIRATION_DAYS).nullable().meta({ description });

const policyFields = () => ({
  default_expiration_days: policyDays(
    `Expiry of a new link whose create omits \`expiration_days\` (${MIN_EXPIRATION_DAYS}-${MAX_EXPIRATION_DAYS}, at most \`max_expiration_days\`); null: 30 days, or the maximum when lower.`,
  ),
  max_expiration_days: policyDays(
    `Longest expiry a create, refresh or extend may ask for (${MIN_EXPIRATION_DAYS}-${MAX_EXPIRATION_DAYS}); beyond it: 400 \`exceeds_brand_max_expiry\`. null: ${MAX_EXPIRATION_DAYS}.`,
  ),
  require_password: z.boolean().meta({
    description:
      "Every link must have a password: a create without one (or a change removing it) is 400 `password_required_by_policy`.",
  }),
});

export const sharePolicySchema = z.strictObject(policyFields()).meta({
  id: "SharePolicy",
  description:
    "Managers' rules for the brand's links (docs/protection.md). Null fields mean the service defaults.",
});

/**
 * PATCH /v1/brand: the fields to change; absent ones stay as they are, so a
 * manager can set the maximum without restating the rest.
 */
export const updateBrandSettingsInputSchema = z
  .strictObject({ share_policy: z.strictObject(policyFields()).partial().meta({ id: "SharePolicyChange" }) })
  .meta({ id: "UpdateBrandSettingsRequest" });
export type UpdateBrandSettingsInput = z.infer<typeof updateBrandSettingsInputSchema>;

/**
 * The policy after a change. A default longer than the maximum could never be
 * used (every create leaning on it would be refused), so it is refused here,
 * after merging: either field may be the one that moved.
 */
export const changeSharePolicy = (current: SharePolicy, change: Partial<SharePolicy>): SharePolicy => {
  // An explicit `undefined` (a tRPC client's unset field) keeps the field, as absence does.
  const changed = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  const next = sharePolicyOf({ ...current, ...changed });
  const { default_expiration_days: fallback, max_expiration_days: max } = next;
  if (fallback !== null && max !== null && fallback > max) {
    throw validationError(
      `default_expiration_days (${fallback}) must not exceed max_expiration_days (${max})`,
      {
        reason: "default_exceeds_max_expiry",
        field: "share_policy.default_expiration_days",
        max_expiration_days: max,
      },
    );
  }
  return next;
};
