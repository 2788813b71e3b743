import type { Actor } from "../actor";
import { notFound, validationError } from "../errors";
import type { ShareDeps } from "./deps";
import { capOf } from "./deps";
import type { ShareTransaction } from "./ports";
import type { ResourceRef, Share, ShareEvent, ShareEventType, ShareView } from "./share";
import { sameResource } from "./share";

/** Refuses a new active share on a resource already at its cap. Call under the resource lock. */
export const assertBelowCap = async (
  deps: ShareDeps,
  tx: ShareTransaction,
  resource: ResourceRef,
  now: Date,
) => {
  const limit = capOf(deps);
  const active = await tx.countActive(resource, now);
  if (active >= limit) {
    throw validationError(`This resource already has ${limit} active share links`, {
      reason: "share_limit_reached",
      limit,
    });
  }
};

/**
 * Loads a share the caller may see: another brand's share, or one addressed
 * under the wrong resource path, is simply not found.
 */
export const findVisibleShare = async (
  deps: ShareDeps,
  actor: Actor,
  shareId: string,
  resource?: ResourceRef,
): Promise<Share> => {
  const share = await deps.shares.findById(shareId);
  if (!share || share.brandId !== actor.brandId) throw notFound("Share");
  if (resource && !sameResource(share.resource, resource)) throw notFound("Share");
  return share;
};

export const shareEvent = (
  deps: ShareDeps,
  actor: Actor,
  share: Pick<Share, "id" | "brandId">,
  type: ShareEventType,
  at: Date,
  extra: Partial<Pick<ShareEvent, "oldExpiresAt" | "newExpiresAt" | "metadata">> = {},
): ShareEvent => ({
  id: deps.random.uuid(),
  shareId: share.id,
  brandId: share.brandId,
  actorId: actor.userId,
  type,
  at,
  requestId: actor.requestId,
  oldExpiresAt: extra.oldExpiresAt ?? null,
  newExpiresAt: extra.newExpiresAt ?? null,
  metadata: extra.metadata ?? null,
});

/** The token is decrypted only for its owner; everybody else sees the share without it. */
export const viewShare = (deps: ShareDeps, actor: Actor, share: Share, isExisting = false): ShareView => ({
  share,
  accessToken: share.ownerId === actor.userId ? deps.tokenCipher.decrypt(share.tokenCiphertext) : null,
  isExisting,
});
