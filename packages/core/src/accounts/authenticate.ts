import type { Actor, ActorProfile } from "../actor";
import type { SharePolicy } from "../brands/share-policy";
import { unauthorized } from "../errors";
import type { User } from "./account";
import type { AccountDeps } from "./deps";
import { hashSecret, isWellFormedApiKey, isWellFormedSessionToken } from "./secrets";

// last_used_at is informational; writing it on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 60_000;

export type Caller = Omit<Actor, "requestId">;

/** `Authorization: Bearer <key>` -> the key's user. Unknown, malformed and revoked all look alike. */
export const authenticateApiKey = async (
  deps: Pick<AccountDeps, "accounts" | "clock">,
  rawKey: string,
): Promise<Caller> => (await authenticateApiKeyWithProfile(deps, rawKey)).caller;

/**
 * The same, also handing back the user as a share's owner is shown, read in the
 * same lookup: the REST adapter puts it on the actor (`Actor.profile`), and the key's id.
 */
export const authenticateApiKeyWithProfile = async (
  deps: Pick<AccountDeps, "accounts" | "clock">,
  rawKey: string,
): Promise<{ caller: Caller; profile: ActorProfile; keyId: string; sharePolicy?: SharePolicy }> => {
  if (!isWellFormedApiKey(rawKey)) throw unauthorized();
  const found = await deps.accounts.findApiKeyByHash(hashSecret(rawKey));
  if (!found || found.key.revokedAt !== null) throw unauthorized();
  const now = deps.clock.now();
  const lastUsed = found.key.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) await deps.accounts.touchApiKey(found.key.id, now);
  // The key's id scopes what the key asks for by name (Idempotency-Key).
  return {
    ...profiled(found.user),
    keyId: found.key.id,
    ...(found.sharePolicy !== undefined && { sharePolicy: found.sharePolicy }),
  };
};

/** Session cookie -> its user, while the session lasts. */
export const authenticateSession = async (
  deps: Pick<AccountDeps, "accounts" | "clock">,
  token: string,
): Promise<Caller> => (await authenticateSessionWithProfile(deps, token)).caller;

/** The same, with the user as a share's owner is shown (for `Actor.profile`, as for API keys). */
export const authenticateSessionWithProfile = async (
  deps: Pick<AccountDeps, "accounts" | "clock">,
  token: string,
): Promise<{ caller: Caller; profile: ActorProfile }> => {
  if (!isWellFormedSessionToken(token)) throw unauthorized();
  const found = await deps.accounts.findSessionByHash(hashSecret(token));
  if (!found || found.session.expiresAt.getTime() < deps.clock.now().getTime()) throw unauthorized();
  return profiled(found.user);
};

const profiled = (user: Pick<User, "id" | "brandId" | "role" | "name" | "email">) => ({
  caller: { userId: user.id, brandId: user.brandId, role: user.role },
  profile: { id: user.id, name: user.name, email: user.email },
});
