import type { Actor } from "../actor";
import type { ShareDeps } from "./deps";
import { assertResourceVisible } from "./resource-snapshot";
import { shareEvent } from "./rules";
import type { ResourceRef } from "./share";

/**
 * DELETE .../{resource}/shares: the caller's own shares on the resource die;
 * teammates' are untouched. Idempotent: nothing to revoke is still success.
 * Returns how many were revoked.
 */
export const revokeMyShares = async (
  deps: ShareDeps,
  actor: Actor,
  resource: ResourceRef,
): Promise<number> => {
  await assertResourceVisible(deps, actor, resource);
  return deps.shares.transaction(async (tx) => {
    const mine = await tx.findOwned(actor.userId, resource);
    if (!mine) return 0;
    const now = deps.clock.now();
    await tx.recordEvent(shareEvent(deps, actor, mine, "revoked", now, { oldExpiresAt: mine.expiresAt }));
    await tx.delete([mine.id]);
    return 1;
  });
};
