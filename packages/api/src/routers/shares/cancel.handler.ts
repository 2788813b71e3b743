import { type CancelResult, cancelShares } from "@sharelinks/core";
import type { CancelSharesInput } from "./cancel.schema";
import type { SharesCtx } from "./forResource.handler";

/** Partial success is normal: one result per distinct id, in request order. */
export const cancelSharesHandler = async ({
  ctx,
  input,
}: {
  ctx: Pick<SharesCtx, "services" | "actor">;
  input: CancelSharesInput;
}): Promise<{ results: CancelResult[] }> => ({
  results: await cancelShares(ctx.services.shares, ctx.actor, input),
});
