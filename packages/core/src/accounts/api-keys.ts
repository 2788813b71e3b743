import { z } from "zod";
import type { Actor } from "../actor";
import { notFound, validationError } from "../errors";
import { text } from "../text";
import type { ApiKey } from "./account";
import type { AccountDeps } from "./deps";
import { apiKeyDisplayPrefix, hashSecret, mintApiKey } from "./secrets";

export const createApiKeyInputSchema = z.strictObject({
  name: text({ max: 100 }).optional(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

/**
 * Active (unrevoked) keys one user may hold. Each key has its own rate-limit
 * budget, so unlimited keys would multiply it; 25 covers a key per integration
 * and environment with room to rotate.
 */
export const MAX_ACTIVE_API_KEYS = 25;

/** The plaintext key exists only in this return value: shown once, stored hashed. */
export const createApiKey = async (
  deps: AccountDeps,
  userId: string,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKey; key: string }> => {
  const user = await deps.accounts.findUser(userId);
  if (!user) throw notFound("User");
  const key = mintApiKey(deps.random);
  const apiKey: ApiKey = {
    id: deps.random.uuid(),
    userId: user.id,
    brandId: user.brandId,
    name: input.name ?? null,
    prefix: apiKeyDisplayPrefix(key),
    keyHash: hashSecret(key),
    createdAt: deps.clock.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  if (!(await deps.accounts.insertApiKey(apiKey, MAX_ACTIVE_API_KEYS))) {
    throw validationError(
      `A user may hold at most ${MAX_ACTIVE_API_KEYS} active API keys; revoke one to create another`,
      { reason: "api_key_limit_reached", limit: MAX_ACTIVE_API_KEYS },
    );
  }
  return { apiKey, key };
};

export const listMyApiKeys = (deps: Pick<AccountDeps, "accounts">, actor: Pick<Actor, "userId">) =>
  deps.accounts.listApiKeys(actor.userId);

/** A user revokes their own key; revoking twice is harmless. */
export const revokeMyApiKey = async (deps: AccountDeps, actor: Pick<Actor, "userId">, keyId: string) => {
  const key = await deps.accounts.findApiKey(keyId);
  if (!key || key.userId !== actor.userId) throw notFound("API key");
  if (key.revokedAt === null) await deps.accounts.revokeApiKey(key.id, deps.clock.now());
};

/** The admin path: any key by id. */
export const revokeApiKeyById = async (deps: AccountDeps, keyId: string) => {
  const key = await deps.accounts.findApiKey(keyId);
  if (!key) throw notFound("API key");
  if (key.revokedAt === null) await deps.accounts.revokeApiKey(key.id, deps.clock.now());
};
