import {
  listShareEvents,
  MAX_SUMMARY_SHARES,
  readShareAnalytics,
  type ShareAnalytics,
  type ShareEventItem,
  shareAnalyticsQuerySchema,
  shareEventItemOf,
  shareEventsQuerySchema,
  summarizeViews,
  type ViewSummary,
} from "@sharelinks/core";
import { z } from "zod";
import { uuidSchema } from "../schemas";
import { authedProcedure } from "../trpc";

/** `share.analytics`, as REST serves it. */
export type ShareAnalyticsOutput = { object: "share.analytics" } & ShareAnalytics;

export interface ShareEventsOutput {
  items: ShareEventItem[];
  hasMore: boolean;
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const analyticsInput = z.strictObject({ share_id: uuidSchema, ...shareAnalyticsQuerySchema.shape });

/** Core's query with `starting_after` renamed `cursor` (tRPC's infinite queries fill it in). */
const eventsInput = shareEventsQuerySchema
  .omit({ starting_after: true })
  .extend({ share_id: uuidSchema, cursor: uuidSchema.nullish(), direction: z.literal("forward").optional() });

const summariesInput = z.strictObject({ share_ids: z.array(uuidSchema).max(MAX_SUMMARY_SHARES) });

/** Procedures are named after the core use case each one calls (docs/architecture.md). */
export const analyticsRouter = {
  readShareAnalytics: authedProcedure
    .input(analyticsInput)
    .query(async ({ ctx, input }): Promise<ShareAnalyticsOutput> => {
      const { share_id, ...query } = input;
      const analytics = await readShareAnalytics(ctx.services.analytics, ctx.actor, share_id, query);
      return { object: "share.analytics", ...analytics };
    }),

  listShareEvents: authedProcedure
    .input(eventsInput)
    .query(async ({ ctx, input }): Promise<ShareEventsOutput> => {
      const page = await listShareEvents(ctx.services.analytics, ctx.actor, input.share_id, {
        limit: input.limit,
        starting_after: input.cursor ?? undefined,
      });
      const items = page.items.map(shareEventItemOf);
      return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
    }),

  /** Views, unique visitors, last view and a 30-day sparkline for each listed link (the link lists). */
  summarizeViews: authedProcedure.input(summariesInput).query(
    async ({ ctx, input }): Promise<{ summaries: ViewSummary[] }> => ({
      summaries: await summarizeViews(ctx.services.analytics, ctx.actor, input.share_ids),
    }),
  ),
};
