import { type Actor, canManageShares } from "../actor";
import { forbidden, notFound } from "../errors";
import type { ShareDeps } from "./deps";
import { findVisibleShare, shareEvent } from "./rules";
import type { Share } from "./share";

/** Owner, or a teammate holding `manage_shares`. */
export const mayRemove = (actor: Actor, share: Pick<Share, "ownerId">) =>
  share.ownerId === actor.userId || canManageShares(actor);

/** DELETE /v1/shares/{id} and .../{resource}/shares/{id}: only the link dies, never the report. */
export const removeShare = async (deps: ShareDeps, actor: Actor, shareId: string): Promise<void> => {
  const share = await findVisibleShare(deps, actor, shareId);
  if (!mayRemove(actor, share)) throw forbidden("Only the share's owner or a manager can remove it");
  await deps.shares.transaction(async (tx) => {
    const current = await tx.findById(shareId);
    if (!current) throw notFound("Share");
    await tx.recordEvent(
      shareEvent(deps, actor, current, "removed", deps.clock.now(), { oldExpiresAt: current.expiresAt }),
    );
    await tx.delete([current.id]);
  });
};
