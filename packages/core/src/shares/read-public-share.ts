import type { Clock } from "../clock";
import { gone, notFound } from "../errors";
import { isActiveAt } from "./expiry";
import type { ShareRepository } from "./ports";
import type { ResourceType } from "./share";
import type { Snapshot } from "./snapshot";
import { hashToken, isWellFormedToken } from "./token";
import { type EffectiveWhiteLabel, mergeWhiteLabel } from "./white-label";

/** The public payload is an allowlist: nothing about users, ids or brand internals. */
export interface PublicShare {
  share_type: ResourceType;
  title: string;
  expires_at: string;
  white_label: EffectiveWhiteLabel;
  snapshot: Snapshot;
}

export interface PublicReadDeps {
  shares: Pick<ShareRepository, "findPublicByTokenHash">;
  clock: Clock;
}

/** A public read as the surfaces see it: the payload, and which share it was (never sent). */
export interface PublicShareRead {
  shareId: string;
  payload: PublicShare;
}

/**
 * GET /v1/shared/{token} and the page: one indexed lookup; unknown, revoked or
 * paused is 404 (a paused link does not say it exists), expired is 410.
 */
export const openPublicShare = async (deps: PublicReadDeps, token: string): Promise<PublicShareRead> => {
  if (!isWellFormedToken(token)) throw notFound("Share link");
  const record = await deps.shares.findPublicByTokenHash(hashToken(token));
  if (!record || record.pausedAt !== null) throw notFound("Share link");
  if (!isActiveAt(record.expiresAt, deps.clock.now())) throw gone();
  return {
    shareId: record.shareId,
    payload: {
      share_type: record.resourceType,
      title: record.snapshot.title,
      expires_at: record.expiresAt.toISOString(),
      white_label: mergeWhiteLabel(record.brandName, record.brandWhiteLabel, record.whiteLabel),
      snapshot: record.snapshot,
    },
  };
};

/** The payload alone. */
export const readPublicShare = async (deps: PublicReadDeps, token: string): Promise<PublicShare> =>
  (await openPublicShare(deps, token)).payload;
