import type { Actor } from "../actor";
import { notFound, validationError } from "../errors";
import type { ShareDeps } from "./deps";
import { capOf } from "./deps";
import type { ShareRepository, ShareTransaction } from "./ports";
import type { ResourceRef, Share, ShareEvent, ShareEventType } from "./share";

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

/** Loads a share the caller may see: another brand's share is simply not found. */
export const findVisibleShare = async (
  deps: { shares: Pick<ShareRepository, "findById"> },
  actor: Actor,
  shareId: string,
): Promise<Share> => {
  const share = await deps.shares.findById(shareId);
  if (!share || share.brandId !== actor.brandId) throw notFound("Share");
  return share;
};

export const shareEvent = (
  deps: ShareDeps,
  actor: Actor,
  share: Pick<Share, "id" | "brandId" | "ownerId" | "resource" | "expiresAt">,
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
  subject: { ownerId: share.ownerId, resource: share.resource, expiresAt: share.expiresAt },
});
