import type { Actor } from "../actor";
import {
  assertPasswordPolicy,
  assertWithinMaxExpiry,
  capCarriedExpiry,
  defaultExpirationDays,
} from "../brands/policy-rules";
import type { ShareDeps } from "./deps";
import { expiresAtFrom, isActiveAt } from "./expiry";
import { applyProtection, hashProtection, NO_PROTECTION } from "./protection";
import { snapshotResource } from "./resource-snapshot";
import { assertBelowCap, shareEvent } from "./rules";
import type { CreateShareInput } from "./schemas";
import type { ResourceRef, Share, ShareView } from "./share";
import { viewOwnShare } from "./share-view";
import { hashToken, mintShareToken } from "./token";

/**
 * POST .../shares. Three outcomes:
 * - the caller already has an active share and did not ask to rotate: refresh it
 *   (new snapshot, same id and token, `isExisting`);
 * - `rotate`: drop the caller's shares on the resource and mint a new one;
 * - otherwise a new share (replacing the caller's expired one, if any).
 * A new share gets the defaults (the brand's default expiry, else 30 days;
 * brand white label) unless `keep_settings` asks it to inherit the replaced
 * share's (see `inheritedSettings`). The brand's share policy bounds the
 * expiry and may require a password (brands/policy-rules.ts). All under the
 * resource lock, so the cap holds against concurrent creators.
 */
export const createShare = async (
  deps: ShareDeps,
  actor: Actor,
  resource: ResourceRef,
  input: CreateShareInput,
): Promise<ShareView> => {
  const now = deps.clock.now();
  // The policy came with the credential (Actor.sharePolicy), or is read side
  // by side with the resource: either way it costs a create no extra wait.
  const [snapshot, policy] = await Promise.all([
    snapshotResource(deps, actor, resource, now),
    actor.sharePolicy ?? deps.shares.findSharePolicy(actor.brandId),
  ]);
  assertWithinMaxExpiry(policy, input.expiration_days);
  if (input.password === null) assertPasswordPolicy(policy, false);
  const protection = await hashProtection(deps.passwords, input);

  const written = await deps.shares.transaction(async (tx) => {
    // The lock and the read under it go out together (ports.ts: in this order).
    const [, existing] = await Promise.all([tx.lockResource(resource), tx.findOwned(actor.userId, resource)]);

    if (existing && !input.rotate && isActiveAt(existing.expiresAt, now)) {
      assertPasswordPolicy(
        policy,
        input.password !== undefined ? input.password !== null : existing.passwordHash !== null,
      );
      const refreshed: Share = {
        ...existing,
        snapshot,
        updatedAt: now,
        expiresAt:
          input.expiration_days !== undefined
            ? expiresAtFrom(now, input.expiration_days)
            : existing.expiresAt,
        whiteLabel: input.white_label_config !== undefined ? input.white_label_config : existing.whiteLabel,
        ...applyProtection(existing, protection),
      };
      await tx.update(refreshed);
      await tx.recordEvent(
        shareEvent(deps, actor, refreshed, "refreshed", now, {
          oldExpiresAt: existing.expiresAt,
          newExpiresAt: refreshed.expiresAt,
        }),
      );
      return { share: refreshed, isExisting: true, token: undefined };
    }

    // A new link never inherits a password (keep_settings does not carry it).
    assertPasswordPolicy(policy, typeof input.password === "string");
    // Rotating, or replacing an expired share: the caller's old row goes first,
    // which is what frees their slot under the cap.
    if (existing) await tx.delete([existing.id]);
    await assertBelowCap(deps, tx, resource, now);

    const inherited = input.keep_settings && existing ? inheritedSettings(existing, now) : {};
    const token = mintShareToken(deps.random);
    const share: Share = {
      id: deps.random.uuid(),
      brandId: actor.brandId,
      ownerId: actor.userId,
      resource,
      tokenHash: hashToken(token),
      tokenCiphertext: deps.tokenCipher.encrypt(token),
      snapshot,
      whiteLabel:
        input.white_label_config !== undefined ? input.white_label_config : (inherited.whiteLabel ?? null),
      createdAt: now,
      updatedAt: now,
      expiresAt:
        input.expiration_days !== undefined
          ? expiresAtFrom(now, input.expiration_days)
          : inherited.expiresAt
            ? capCarriedExpiry(policy, inherited.expiresAt, now)
            : expiresAtFrom(now, defaultExpirationDays(policy)),
      pausedAt: null,
      ...applyProtection(NO_PROTECTION, protection),
    };
    await tx.insert(share);
    await tx.recordEvent(
      shareEvent(deps, actor, share, input.rotate ? "rotated" : "created", now, {
        newExpiresAt: share.expiresAt,
        metadata: existing
          ? { replaced_share_id: existing.id, ...(input.keep_settings && { kept_settings: true }) }
          : null,
      }),
    );
    return { share, isExisting: false, token };
  });
  // A new share's token is at hand: the owner's view needs no decryption of it.
  return viewOwnShare(deps, actor, written.share, now, written.isExisting, written.token);
};

/**
 * What a replacing share keeps of the one it replaces (`keep_settings`): the
 * branding always, and the exact expiry instant while it is still ahead; an
 * expired share has no time left to keep, so the default window applies.
 */
export const inheritedSettings = (
  replaced: Pick<Share, "whiteLabel" | "expiresAt">,
  now: Date,
): Partial<Pick<Share, "whiteLabel" | "expiresAt">> => ({
  whiteLabel: replaced.whiteLabel,
  ...(isActiveAt(replaced.expiresAt, now) && { expiresAt: replaced.expiresAt }),
});
