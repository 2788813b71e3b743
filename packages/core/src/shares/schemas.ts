import { z } from "zod";
import { queryInteger } from "../query-integer";
import { DEFAULT_EXPIRATION_DAYS, MAX_EXPIRATION_DAYS, MIN_EXPIRATION_DAYS } from "./expiry";
import { maxViewsSchema, sharePasswordSchema } from "./protection";
import { shareWhiteLabelSchema } from "./white-label";

/**
 * Request shapes shared by every entry point (tRPC, REST, OpenAPI), so a rule
 * such as "1..365 days" is written once.
 */
export const expirationDaysSchema = z
  .int()
  .min(MIN_EXPIRATION_DAYS)
  .max(MAX_EXPIRATION_DAYS)
  .meta({
    description: `Days from now until the link expires (${MIN_EXPIRATION_DAYS}-${MAX_EXPIRATION_DAYS}).`,
  });

export const createShareInputSchema = z
  .strictObject({
    expiration_days: expirationDaysSchema.optional().meta({
      description: `Defaults to the brand's \`share_policy.default_expiration_days\` (else ${DEFAULT_EXPIRATION_DAYS}, or the brand's maximum when lower) for a new share; a refresh keeps the expiry unless sent. At most the brand's \`max_expiration_days\`.`,
    }),
    rotate: z
      .boolean()
      .optional()
      .meta({ description: "Drop the caller's shares on this resource and mint a new token." }),
    keep_settings: z.boolean().optional().meta({
      description:
        "When the new link replaces the caller's previous one (rotate): carry over its `expires_at` (if still ahead) and `white_label_config` instead of the defaults. Fields sent explicitly still win. Default false.",
    }),
    white_label_config: shareWhiteLabelSchema.nullable().optional(),
    password: sharePasswordSchema.optional(),
    max_views: maxViewsSchema.optional(),
  })
  .meta({ id: "CreateShareRequest" });
export type CreateShareInput = z.infer<typeof createShareInputSchema>;

export const extendShareInputSchema = z
  .strictObject({ expiration_days: expirationDaysSchema })
  .meta({ id: "ExtendShareRequest" });
export type ExtendShareInput = z.infer<typeof extendShareInputSchema>;

/** PATCH /v1/shares/{share_id}: the owner changes a link's protection; at least one field. */
export const updateShareInputSchema = z
  .strictObject({ password: sharePasswordSchema.optional(), max_views: maxViewsSchema.optional() })
  .refine((body) => body.password !== undefined || body.max_views !== undefined, {
    message: "Send at least one of password, max_views",
  })
  .meta({ id: "UpdateShareRequest" });
export type UpdateShareInput = z.infer<typeof updateShareInputSchema>;

export const MAX_BULK_CANCEL = 100;
export const cancelSharesInputSchema = z
  .strictObject({ share_ids: z.array(z.uuid()).min(1).max(MAX_BULK_CANCEL) })
  .meta({ id: "CancelSharesRequest" });
export type CancelSharesInput = z.infer<typeof cancelSharesInputSchema>;

export const SHARE_LIST_MAX_LIMIT = 100;
export const listMySharesQuerySchema = z.strictObject({
  status: z.enum(["active", "expiring", "expired", "all"]).default("active").meta({
    description:
      "`active` (the default), `expiring` (active and expiring within 7 days: the expiry reminders' window), `expired`, `all`.",
  }),
  sort: z.enum(["created", "last_viewed"]).default("created").meta({
    description:
      "`created`: newest first. `last_viewed`: most recently viewed first (browser views), never-opened links last, newest first among them.",
  }),
  limit: queryInteger({ min: 1, max: SHARE_LIST_MAX_LIMIT, fallback: 20 }),
  starting_after: z.uuid().optional(),
});
export type ListMySharesQuery = z.infer<typeof listMySharesQuerySchema>;
