import type { Actor } from "../actor";
import { assertWithinMaxExpiry } from "../brands/policy-rules";
import { forbidden, isDomainError, notFound } from "../errors";
import type { ShareDeps } from "./deps";
import { expiresAtFrom, isActiveAt } from "./expiry";
import type { ShareTransaction } from "./ports";
import { assertBelowCap, findVisibleShare, shareEvent } from "./rules";
import type { ExtendShareInput } from "./schemas";
import { type ResourceRef, type ShareView, type ShareWithoutSnapshot, sameResource } from "./share";
import { viewOwnShare } from "./share-view";

export interface ExtendShareOptions {
  /**
   * The resource the request addressed (REST names it in the path). The share
   * must be on it, or it is not found. Knowing it up front, the use case locks
   * it first and reads the share once, under the lock, in one transaction,
   * without its snapshot: the view it answers has none (REST's share object
   * shows no snapshot), so the ~3 kB document is never read (issue 15).
   */
  under?: ResourceRef;
}

/**
 * PATCH .../shares/{id}: expiry becomes now + days whatever remained. Owner
 * only, managers included in the refusal. An expired share may be revived,
 * which takes a slot under the cap like a create. No further than the brand's
 * maximum expiry (`exceeds_brand_max_expiry`), checked before any lock.
 */
export function extendShare(
  deps: ShareDeps,
  actor: Actor,
  shareId: string,
  input: ExtendShareInput,
  options: ExtendShareOptions & { under: ResourceRef },
): Promise<ShareView<ShareWithoutSnapshot>>;
export function extendShare(
  deps: ShareDeps,
  actor: Actor,
  shareId: string,
  input: ExtendShareInput,
  options?: ExtendShareOptions,
): Promise<ShareView>;
export async function extendShare(
  deps: ShareDeps,
  actor: Actor,
  shareId: string,
  input: ExtendShareInput,
  options: ExtendShareOptions = {},
): Promise<ShareView<ShareWithoutSnapshot>> {
  const { under } = options;
  if (under) {
    assertWithinMaxExpiry(await policyOf(deps, actor), input.expiration_days);
    const { extended, now } = await deps.shares.transaction(async (tx) => {
      // The lock and the read under it go out together (ports.ts: in this order).
      const [, current] = await Promise.all([
        lockAddressedResource(tx, under),
        tx.findByIdWithoutSnapshot(shareId),
      ]);
      // Another brand's share, or one on another resource, does not exist at this address.
      if (!current || current.brandId !== actor.brandId || !sameResource(current.resource, under))
        throw notFound("Share");
      assertOwner(actor, current);
      return extendLocked(deps, tx, actor, current, input);
    });
    return viewOwnShare(deps, actor, extended, now);
  }

  const [found, policy] = await Promise.all([findVisibleShare(deps, actor, shareId), policyOf(deps, actor)]);
  assertOwner(actor, found);
  assertWithinMaxExpiry(policy, input.expiration_days);
  const { extended, now } = await deps.shares.transaction(async (tx) => {
    await tx.lockResource(found.resource);
    // Re-read under the lock: the share may have been removed meanwhile.
    const current = await tx.findById(shareId);
    if (!current) throw notFound("Share");
    return extendLocked(deps, tx, actor, current, input);
  });
  return viewOwnShare(deps, actor, extended, now);
}

/** The brand's share policy: as authentication read it with the credential, else read now. */
const policyOf = (deps: ShareDeps, actor: Actor) =>
  actor.sharePolicy ?? deps.shares.findSharePolicy(actor.brandId);

const assertOwner = (actor: Actor, share: ShareWithoutSnapshot) => {
  if (share.ownerId !== actor.userId) throw forbidden("Only the share's owner can extend it");
};

/** An address naming no resource (or one deleted meanwhile) holds no share either. */
const lockAddressedResource = async (tx: ShareTransaction, resource: ResourceRef) => {
  try {
    await tx.lockResource(resource);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw notFound("Share");
    throw error;
  }
};

/** Under the resource lock, with the share re-read: the cap for a revival, the new expiry, its event. */
const extendLocked = async <S extends ShareWithoutSnapshot>(
  deps: ShareDeps,
  tx: ShareTransaction,
  actor: Actor,
  current: S,
  input: ExtendShareInput,
) => {
  const now = deps.clock.now();
  if (!isActiveAt(current.expiresAt, now)) await assertBelowCap(deps, tx, current.resource, now);

  const extended: S = {
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
};
