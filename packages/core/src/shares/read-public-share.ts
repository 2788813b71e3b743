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

/** GET /v1/shared/{token}: one indexed lookup; unknown or revoked is 404, expired is 410. */
export const readPublicShare = async (deps: PublicReadDeps, token: string): Promise<PublicShare> => {
  if (!isWellFormedToken(token)) throw notFound("Share link");
  const record = await deps.shares.findPublicByTokenHash(hashToken(token));
  if (!record) throw notFound("Share link");
  if (!isActiveAt(record.expiresAt, deps.clock.now())) throw gone();
  return {
    share_type: record.resourceType,
    title: record.snapshot.title,
    expires_at: record.expiresAt.toISOString(),
    white_label: mergeWhiteLabel(record.brandName, record.brandWhiteLabel, record.whiteLabel),
    snapshot: record.snapshot,
  };
};
