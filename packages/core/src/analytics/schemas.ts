import { z } from "zod";
import { queryInteger } from "../query-integer";
import { dayStartMs } from "./day";

/** Longest window one analytics read may span. */
export const MAX_ANALYTICS_WINDOW_DAYS = 366;
/** The window when none is given: today and the 29 days before. */
export const DEFAULT_ANALYTICS_WINDOW_DAYS = 30;
/** Referrer hosts an analytics read lists. */
export const TOP_REFERRERS = 10;

const day = z
  .string()
  .refine((value) => dayStartMs(value) !== null, { message: "Must be a calendar date as YYYY-MM-DD" })
  .meta({ description: "A UTC calendar day, `YYYY-MM-DD`." });

export const shareAnalyticsQuerySchema = z
  .strictObject({
    from: day.optional().meta({
      description: `First day of the daily series and referrers (UTC, included). Default: ${DEFAULT_ANALYTICS_WINDOW_DAYS - 1} days before \`to\`.`,
    }),
    to: day.optional().meta({ description: "Last day of the window (UTC, included). Default: today." }),
  })
  .meta({ id: "ShareAnalyticsQuery" });
export type ShareAnalyticsQuery = z.infer<typeof shareAnalyticsQuerySchema>;

export const TIMELINE_MAX_LIMIT = 100;
export const shareEventsQuerySchema = z.strictObject({
  limit: queryInteger({ min: 1, max: TIMELINE_MAX_LIMIT, fallback: 20 }),
  starting_after: z
    .uuid()
    .optional()
    .meta({ description: "Event id of the last item of the previous page." }),
});
export type ShareEventsQuery = z.infer<typeof shareEventsQuerySchema>;
