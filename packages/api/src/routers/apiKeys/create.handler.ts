import { type Actor, createApiKey } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";
import type { CreateApiKeyInput } from "./create.schema";
import { type ApiKeyItem, presentApiKey } from "./present";

/** `key` is the only time the plaintext exists outside the caller's hands: shown once. */
export const createApiKeyHandler = async ({
  ctx,
  input,
}: {
  ctx: { services: Pick<ApiServices, "accounts">; actor: Actor };
  input: CreateApiKeyInput;
}): Promise<{ key: string; apiKey: ApiKeyItem }> => {
  const created = await createApiKey(ctx.services.accounts, ctx.actor.userId, input);
  return { key: created.key, apiKey: presentApiKey(created.apiKey) };
};
