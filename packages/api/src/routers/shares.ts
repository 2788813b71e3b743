import {
  type CancelResult,
  cancelShares,
  cancelSharesInputSchema,
  capOf,
  createShare,
  createShareInputSchema,
  extendShare,
  extendShareInputSchema,
  listMyShares,
  listMySharesQuerySchema,
  listResourceShares,
  pauseShare,
  removeShare,
  resumeShare,
  revokeMyShares,
  updateShare,
  updateShareInputSchema,
} from "@sharelinks/core";
import { z } from "zod";
import { presentShare, type ShareItem } from "../present";
import { resourceRefSchema, uuidSchema } from "../schemas";
import { authedProcedure } from "../trpc";

// Inputs: core's request shapes (the business rules on each field) plus what
// REST carries in the path (the resource, the share id).

/** Core's create body (expiry 1..365, rotate, keep_settings, white label) plus which resource to share. */
const createShareInput = z.strictObject({ resource: resourceRefSchema, ...createShareInputSchema.shape });

const extendShareInput = z.strictObject({ share_id: uuidSchema, ...extendShareInputSchema.shape });

const removeShareInput = z.strictObject({ share_id: uuidSchema });

/** Core's PATCH body (password, max_views; at least one) plus the share id. */
const updateShareInput = z
  .strictObject({ share_id: uuidSchema, ...updateShareInputSchema.shape })
  .refine((body) => body.password !== undefined || body.max_views !== undefined, {
    message: "Send at least one of password, max_views",
  });

/**
 * Core's query (status, limit) with `starting_after` renamed `cursor`, the
 * field tRPC's infinite queries fill in, along with `direction` (pages only
 * go forward: `useInfiniteQuery` sends "forward", and "backward" is refused).
 */
const listMySharesInput = listMySharesQuerySchema
  .omit({ starting_after: true })
  .extend({ cursor: uuidSchema.nullish(), direction: z.literal("forward").optional() });

export interface ResourceSharesOutput {
  /** Active shares on the resource, newest first, teammates' included (without their tokens). */
  shares: ShareItem[];
  activeCount: number;
  /** Active shares allowed per resource across the brand. */
  limit: number;
}

export interface MySharesOutput {
  items: ShareItem[];
  hasMore: boolean;
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Procedures are named after the core use case each one calls (docs/architecture.md). */
export const sharesRouter = {
  listResourceShares: authedProcedure
    .input(resourceRefSchema)
    .query(async ({ ctx, input }): Promise<ResourceSharesOutput> => {
      const views = await listResourceShares(ctx.services.shares, ctx.actor, input);
      const shares = views.map((view) => presentShare(view, ctx.publicBaseUrl));
      return { shares, activeCount: shares.length, limit: capOf(ctx.services.shares) };
    }),

  /** The caller's shares across resources, newest first or last viewed first. */
  listMyShares: authedProcedure
    .input(listMySharesInput)
    .query(async ({ ctx, input }): Promise<MySharesOutput> => {
      const page = await listMyShares(ctx.services.shares, ctx.actor, {
        status: input.status,
        sort: input.sort,
        limit: input.limit,
        starting_after: input.cursor ?? undefined,
      });
      const items = page.items.map((view) => presentShare(view, ctx.publicBaseUrl));
      return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
    }),

  /** Create, refresh (`is_existing: true`) or rotate: core decides which. */
  createShare: authedProcedure
    .input(createShareInput)
    .mutation(async ({ ctx, input }): Promise<ShareItem> => {
      const { resource, ...body } = input;
      const view = await createShare(ctx.services.shares, ctx.actor, resource, body);
      return presentShare(view, ctx.publicBaseUrl);
    }),

  extendShare: authedProcedure
    .input(extendShareInput)
    .mutation(async ({ ctx, input }): Promise<ShareItem> => {
      const { share_id, ...body } = input;
      const view = await extendShare(ctx.services.shares, ctx.actor, share_id, body);
      return presentShare(view, ctx.publicBaseUrl);
    }),

  /** Idempotent: `revoked` is 0 when the caller had no share on the resource. */
  revokeMyShares: authedProcedure.input(resourceRefSchema).mutation(
    async ({ ctx, input }): Promise<{ revoked: number }> => ({
      revoked: await revokeMyShares(ctx.services.shares, ctx.actor, input),
    }),
  ),

  /** The owner, or a manager of the brand; only the link dies, never the report. */
  removeShare: authedProcedure
    .input(removeShareInput)
    .mutation(async ({ ctx, input }): Promise<{ shareId: string; removed: true }> => {
      await removeShare(ctx.services.shares, ctx.actor, input.share_id);
      return { shareId: input.share_id, removed: true };
    }),

  /** Owner only: password (null removes) and/or view limit (a fresh allowance; null lifts it). */
  updateShare: authedProcedure
    .input(updateShareInput)
    .mutation(async ({ ctx, input }): Promise<ShareItem> => {
      const { share_id, ...body } = input;
      return presentShare(
        await updateShare(ctx.services.shares, ctx.actor, share_id, body),
        ctx.publicBaseUrl,
      );
    }),

  /** Owner or manager: a paused link answers 404 publicly and keeps its token and its place under the cap. */
  pauseShare: authedProcedure
    .input(removeShareInput)
    .mutation(
      async ({ ctx, input }): Promise<ShareItem> =>
        presentShare(await pauseShare(ctx.services.shares, ctx.actor, input.share_id), ctx.publicBaseUrl),
    ),

  resumeShare: authedProcedure
    .input(removeShareInput)
    .mutation(
      async ({ ctx, input }): Promise<ShareItem> =>
        presentShare(await resumeShare(ctx.services.shares, ctx.actor, input.share_id), ctx.publicBaseUrl),
    ),

  /** Partial success is normal: one result per distinct id, in request order. */
  cancelShares: authedProcedure.input(cancelSharesInputSchema).mutation(
    async ({ ctx, input }): Promise<{ results: CancelResult[] }> => ({
      results: await cancelShares(ctx.services.shares, ctx.actor, input),
    }),
  ),
};
