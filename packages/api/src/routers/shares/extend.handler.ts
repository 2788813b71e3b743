import { extendShare } from "@sharelinks/core";
import { presentShare, type ShareItem } from "../../present";
import type { ExtendShareTrpcInput } from "./extend.schema";
import type { SharesCtx } from "./forResource.handler";

export const extendShareHandler = async ({
  ctx,
  input,
}: {
  ctx: SharesCtx;
  input: ExtendShareTrpcInput;
}): Promise<ShareItem> => {
  const { share_id, ...body } = input;
  const view = await extendShare(ctx.services.shares, ctx.actor, share_id, body);
  return presentShare(ctx, view);
};
