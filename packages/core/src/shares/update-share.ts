import type { Actor } from "../actor";
import { assertPasswordPolicy } from "../brands/policy-rules";
import { forbidden, notFound } from "../errors";
import type { ShareDeps } from "./deps";
import { applyProtection, changedProtection, hashProtection } from "./protection";
import { findVisibleShare, shareEvent } from "./rules";
import type { UpdateShareInput } from "./schemas";
import type { Share, ShareView } from "./share";
import { viewOwnShare } from "./share-view";

/**
 * PATCH /v1/shares/{id}: the owner changes the link's password and/or view
 * limit (docs/protection.md). Owner only, like extend: a manager may pause or
 * remove a teammate's link but not set its password. A new password changes
 * the stored hash, which is what invalidates every page unlock cookie. Under
 * a brand policy that requires passwords, removing one is refused.
 */
export const updateShare = async (
  deps: ShareDeps,
  actor: Actor,
  shareId: string,
  input: UpdateShareInput,
): Promise<ShareView> => {
  const found = await findVisibleShare(deps, actor, shareId);
  if (found.ownerId !== actor.userId) throw forbidden("Only the share's owner can change its protection");
  // Only a removal can break the brand's password rule, so only a removal reads the policy.
  if (input.password === null)
    assertPasswordPolicy(actor.sharePolicy ?? (await deps.shares.findSharePolicy(actor.brandId)), false);
  const change = await hashProtection(deps.passwords, input);

  const { updated, now } = await deps.shares.transaction(async (tx) => {
    const now = deps.clock.now();
    const current = await tx.findById(shareId);
    if (!current) throw notFound("Share");
    const updated: Share = { ...current, ...applyProtection(current, change), updatedAt: now };
    await tx.update(updated);
    await tx.recordEvent(
      shareEvent(deps, actor, updated, "protection_changed", now, { metadata: changedProtection(change) }),
    );
    return { updated, now };
  });
  return viewOwnShare(deps, actor, updated, now);
};
