import {
  type ApiKey,
  createApiKey,
  createApiKeyInputSchema,
  listMyApiKeys,
  revokeMyApiKey,
} from "@sharelinks/core";
import { iso, isoOrNull } from "../present";
import { byIdInputSchema } from "../schemas";
import { authedProcedure } from "../trpc";

/** Never the key itself nor its hash: the prefix is what tells keys apart. */
export interface ApiKeyItem {
  id: string;
  name: string | null;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  status: "active" | "revoked";
}

const presentApiKey = (key: ApiKey): ApiKeyItem => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  created_at: iso(key.createdAt),
  last_used_at: isoOrNull(key.lastUsedAt),
  revoked_at: isoOrNull(key.revokedAt),
  status: key.revokedAt ? "revoked" : "active",
});

export const apiKeysRouter = {
  /** `key` is the only time the plaintext exists outside the caller's hands: shown once. */
  createApiKey: authedProcedure
    .input(createApiKeyInputSchema)
    .mutation(async ({ ctx, input }): Promise<{ key: string; apiKey: ApiKeyItem }> => {
      const created = await createApiKey(ctx.services.accounts, ctx.actor.userId, input);
      return { key: created.key, apiKey: presentApiKey(created.apiKey) };
    }),

  /** The caller's own keys, revoked ones included. */
  listMyApiKeys: authedProcedure.query(async ({ ctx }): Promise<ApiKeyItem[]> => {
    const keys = await listMyApiKeys(ctx.services.accounts, ctx.actor);
    return keys.map(presentApiKey);
  }),

  /** Someone else's key is not found; revoking twice is harmless. */
  revokeMyApiKey: authedProcedure
    .input(byIdInputSchema)
    .mutation(async ({ ctx, input }): Promise<{ id: string; revoked: true }> => {
      await revokeMyApiKey(ctx.services.accounts, ctx.actor, input.id);
      return { id: input.id, revoked: true };
    }),
};
