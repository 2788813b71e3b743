import type { Actor } from "../actor";
import { forbidden, notFound } from "../errors";
import type { ShareDeps } from "./deps";
import { mayRemove } from "./remove-share";
import { findVisibleShare, shareEvent } from "./rules";
import type { Share, ShareView } from "./share";
import { viewShare } from "./share-view";

/**
 * POST /v1/shares/{id}/pause and /resume (docs/protection.md). Whoever may
 * remove a link may pause it: its owner or a manager of the brand. A paused
 * link answers 404 on both public routes (existence does not leak), keeps its
 * token and its place under the cap, and resumes as it was. Pausing a paused
 * link (or resuming a running one) changes nothing and records nothing.
 */
export const pauseShare = (deps: ShareDeps, actor: Actor, shareId: string): Promise<ShareView> =>
  setPaused(deps, actor, shareId, true);

export const resumeShare = (deps: ShareDeps, actor: Actor, shareId: string): Promise<ShareView> =>
  setPaused(deps, actor, shareId, false);

const setPaused = async (
  deps: ShareDeps,
  actor: Actor,
  shareId: string,
  paused: boolean,
): Promise<ShareView> => {
  const found = await findVisibleShare(deps, actor, shareId);
  if (!mayRemove(actor, found)) {
    throw forbidden(`Only the share's owner or a manager can ${paused ? "pause" : "resume"} it`);
  }
  const { share, now } = await deps.shares.transaction(async (tx) => {
    const now = deps.clock.now();
    const current = await tx.findById(shareId);
    if (!current) throw notFound("Share");
    if ((current.pausedAt !== null) === paused) return { share: current, now };
    const changed: Share = { ...current, pausedAt: paused ? now : null, updatedAt: now };
    await tx.update(changed);
    await tx.recordEvent(shareEvent(deps, actor, changed, paused ? "paused" : "resumed", now));
    return { share: changed, now };
  });
  return viewShare(deps, actor, share, now, { owner: await deps.shares.findOwner(share.ownerId) });
};
