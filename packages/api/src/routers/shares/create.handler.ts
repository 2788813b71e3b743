import { createShare } from "@sharelinks/core";
import { presentShare, type ShareItem } from "../../present";
import type { CreateShareTrpcInput } from "./create.schema";
import type { SharesCtx } from "./forResource.handler";

/** Create, refresh (`is_existing: true`) or rotate: core decides which. */
export const createShareHandler = async ({
  ctx,
  input,
}: {
  ctx: SharesCtx;
  input: CreateShareTrpcInput;
}): Promise<ShareItem> => {
  const { resource, ...body } = input;
  const view = await createShare(ctx.services.shares, ctx.actor, resource, body);
  return presentShare(ctx, view);
};
