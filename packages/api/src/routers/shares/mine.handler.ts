import { listMyShares } from "@sharelinks/core";
import { presentShares, type ShareItem } from "../../present";
import type { SharesCtx } from "./forResource.handler";
import type { MySharesInput } from "./mine.schema";

export interface MySharesOutput {
  items: ShareItem[];
  hasMore: boolean;
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The caller's shares across resources, newest first. */
export const mySharesHandler = async ({
  ctx,
  input,
}: {
  ctx: SharesCtx;
  input: MySharesInput;
}): Promise<MySharesOutput> => {
  const page = await listMyShares(ctx.services.shares, ctx.actor, {
    status: input.status,
    limit: input.limit,
    starting_after: input.cursor ?? undefined,
  });
  const items = await presentShares(ctx, page.items);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
};
