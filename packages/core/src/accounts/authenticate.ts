import type { Actor } from "../actor";
import { unauthorized } from "../errors";
import type { AccountDeps } from "./deps";
import { hashSecret, isWellFormedApiKey, isWellFormedSessionToken } from "./secrets";

// last_used_at is informational; writing it on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 60_000;

export type Caller = Omit<Actor, "requestId">;

/** `Authorization: Bearer <key>` -> the key's user. Unknown, malformed and revoked all look alike. */
export const authenticateApiKey = async (
  deps: Pick<AccountDeps, "accounts" | "clock">,
  rawKey: string,
): Promise<Caller> => {
  if (!isWellFormedApiKey(rawKey)) throw unauthorized();
  const found = await deps.accounts.findApiKeyByHash(hashSecret(rawKey));
  if (!found || found.key.revokedAt !== null) throw unauthorized();
  const now = deps.clock.now();
  const lastUsed = found.key.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) await deps.accounts.touchApiKey(found.key.id, now);
  return { userId: found.user.id, brandId: found.user.brandId, role: found.user.role };
};

/** Session cookie -> its user, while the session lasts. */
export const authenticateSession = async (
  deps: Pick<AccountDeps, "accounts" | "clock">,
  token: string,
): Promise<Caller> => {
  if (!isWellFormedSessionToken(token)) throw unauthorized();
  const found = await deps.accounts.findSessionByHash(hashSecret(token));
  if (!found || found.session.expiresAt.getTime() < deps.clock.now().getTime()) throw unauthorized();
  return { userId: found.user.id, brandId: found.user.brandId, role: found.user.role };
};
