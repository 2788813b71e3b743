import type { Actor } from "../actor";
import { forbidden, notFound } from "../errors";
import type { ShareDeps } from "./deps";
import { expiresAtFrom, isActiveAt } from "./expiry";
import { assertBelowCap, findVisibleShare, shareEvent } from "./rules";
import type { ExtendShareInput } from "./schemas";
import type { Share, ShareView } from "./share";
import { viewOwnShare } from "./share-view";

/**
 * PATCH .../shares/{id}: expiry becomes now + days whatever remained. Owner
 * only, managers included in the refusal. An expired share may be revived,
 * which takes a slot under the cap like a create.
 */
export const extendShare = async (
  deps: ShareDeps,
  actor: Actor,
  shareId: string,
  input: ExtendShareInput,
): Promise<ShareView> => {
  const found = await findVisibleShare(deps, actor, shareId);
  if (found.ownerId !== actor.userId) throw forbidden("Only the share's owner can extend it");

  const { extended, now } = await deps.shares.transaction(async (tx) => {
    await tx.lockResource(found.resource);
    const now = deps.clock.now();
    // Re-read under the lock: the share may have been removed meanwhile.
    const current = await tx.findById(shareId);
    if (!current) throw notFound("Share");
    if (!isActiveAt(current.expiresAt, now)) await assertBelowCap(deps, tx, current.resource, now);

    const extended: Share = {
      ...current,
      expiresAt: expiresAtFrom(now, input.expiration_days),
      updatedAt: now,
    };
    await tx.update(extended);
    await tx.recordEvent(
      shareEvent(deps, actor, extended, "extended", now, {
        oldExpiresAt: current.expiresAt,
        newExpiresAt: extended.expiresAt,
      }),
    );
    return { extended, now };
  });
  return viewOwnShare(deps, actor, extended, now);
};
