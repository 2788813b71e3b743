import { type Actor, revokeMyApiKey } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";
import type { RevokeApiKeyInput } from "./revoke.schema";

/** Someone else's key is not found; revoking twice is harmless. */
export const revokeApiKeyHandler = async ({
  ctx,
  input,
}: {
  ctx: { services: Pick<ApiServices, "accounts">; actor: Actor };
  input: RevokeApiKeyInput;
}): Promise<{ id: string; revoked: true }> => {
  await revokeMyApiKey(ctx.services.accounts, ctx.actor, input.id);
  return { id: input.id, revoked: true };
};
