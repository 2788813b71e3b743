import { SHARE_EVENT_TYPES } from "@sharelinks/core";
import { z } from "zod";

/** Response shapes of the analytics and timeline routes (see schemas.ts for why they exist). */

const uuid = z.uuid();
const timestamp = z.iso.datetime().meta({ description: "ISO-8601 timestamp (UTC)." });
const count = z.int().min(0);
const day = z.iso.date().meta({ description: "UTC calendar day, YYYY-MM-DD." });

export const shareAnalyticsSchema = z
  .strictObject({
    object: z.literal("share.analytics"),
    share_id: uuid,
    views: count.meta({
      description:
        "Views over the share's whole life: 200 answers to GET of the public link or page, bots excluded.",
    }),
    unique_visitors: count.meta({
      description:
        "Distinct visitors per day, summed over the share's life. A visitor is a keyed hash of the client network (IPv4 address, IPv6 /64), user agent and day.",
    }),
    bot_views: count.meta({
      description: "Reads by crawlers and link-preview fetchers (never counted as views).",
    }),
    first_viewed_at: timestamp.nullable(),
    last_viewed_at: timestamp.nullable(),
    daily: z
      .array(z.strictObject({ date: day, views: count, unique_visitors: count, bot_views: count }))
      .meta({ description: "Every day of the window (`from`..`to`), oldest first, zeros included." }),
    referrers: z.array(z.strictObject({ host: z.string(), views: count })).meta({
      description: "Top referrer hosts of browser views in the window, most views first (at most 10).",
    }),
  })
  .meta({ id: "ShareAnalytics" });

export const shareEventSchema = z
  .strictObject({
    id: uuid,
    type: z.enum(SHARE_EVENT_TYPES),
    at: timestamp,
    actor: z
      .strictObject({ id: uuid, name: z.string() })
      .nullable()
      .meta({ description: "Who did it; null for `first_viewed` and `expired`." }),
    request_id: z
      .string()
      .nullable()
      .meta({ description: "The request that made the change, when there was one." }),
    old_expires_at: timestamp.nullable(),
    new_expires_at: timestamp.nullable(),
  })
  .meta({ id: "ShareEvent" });

export const shareEventListSchema = z
  .strictObject({ object: z.literal("list"), data: z.array(shareEventSchema), has_more: z.boolean() })
  .meta({ id: "ShareEventList" });
