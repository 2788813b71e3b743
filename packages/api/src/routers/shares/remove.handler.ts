import { removeShare } from "@sharelinks/core";
import type { SharesCtx } from "./forResource.handler";
import type { RemoveShareInput } from "./remove.schema";

/** The owner, or a manager of the brand; only the link dies, never the report. */
export const removeShareHandler = async ({
  ctx,
  input,
}: {
  ctx: Pick<SharesCtx, "services" | "actor">;
  input: RemoveShareInput;
}): Promise<{ shareId: string; removed: true }> => {
  await removeShare(ctx.services.shares, ctx.actor, input.share_id);
  return { shareId: input.share_id, removed: true };
};
