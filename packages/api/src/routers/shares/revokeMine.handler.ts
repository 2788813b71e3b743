import { revokeMyShares } from "@sharelinks/core";
import type { SharesCtx } from "./forResource.handler";
import type { RevokeMineInput } from "./revokeMine.schema";

/** Idempotent: `revoked` is 0 when the caller had no share on the resource. */
export const revokeMineHandler = async ({
  ctx,
  input,
}: {
  ctx: Pick<SharesCtx, "services" | "actor">;
  input: RevokeMineInput;
}): Promise<{ revoked: number }> => ({
  revoked: await revokeMyShares(ctx.services.shares, ctx.actor, input),
});
