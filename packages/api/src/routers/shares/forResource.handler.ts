import { type Actor, capOf, listResourceShares } from "@sharelinks/core";
import { presentShares, type ShareItem } from "../../present";
import type { ApiServices } from "../../trpc";
import type { ForResourceInput } from "./forResource.schema";

export interface SharesCtx {
  services: Pick<ApiServices, "shares" | "accounts">;
  actor: Actor;
  publicBaseUrl: string;
}

export interface ResourceSharesOutput {
  /** Active shares on the resource, newest first, teammates' included (without their tokens). */
  shares: ShareItem[];
  activeCount: number;
  /** Active shares allowed per resource across the brand. */
  limit: number;
}

export const forResourceHandler = async ({
  ctx,
  input,
}: {
  ctx: SharesCtx;
  input: ForResourceInput;
}): Promise<ResourceSharesOutput> => {
  const views = await listResourceShares(ctx.services.shares, ctx.actor, input);
  const shares = await presentShares(ctx, views);
  return { shares, activeCount: shares.length, limit: capOf(ctx.services.shares) };
};
