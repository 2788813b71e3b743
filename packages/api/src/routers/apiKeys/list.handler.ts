import { type Actor, listMyApiKeys } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";
import { type ApiKeyItem, presentApiKey } from "./present";

/** The caller's own keys, revoked ones included. */
export const listApiKeysHandler = async ({
  ctx,
}: {
  ctx: { services: Pick<ApiServices, "accounts">; actor: Actor };
}): Promise<ApiKeyItem[]> => {
  const keys = await listMyApiKeys(ctx.services.accounts, ctx.actor);
  return keys.map(presentApiKey);
};
