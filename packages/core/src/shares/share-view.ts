import type { Actor } from "../actor";
import type { ShareDeps } from "./deps";
import { isActiveAt } from "./expiry";
import { mayRemove } from "./remove-share";
import type { ShareOwner, ShareView, ShareWithoutSnapshot } from "./share";

/**
 * Everything a caller may know about one share, decided once: the token is
 * decrypted only for its owner, the status is read at `now` (the use case's
 * clock), removal follows `mayRemove`.
 */
export const viewShare = <S extends ShareWithoutSnapshot>(
  deps: Pick<ShareDeps, "tokenCipher">,
  actor: Actor,
  share: S,
  now: Date,
  extra: {
    owner: ShareOwner | null;
    isExisting?: boolean;
    /** The plaintext token, when the use case has it (a share it just minted): no decryption then. */
    token?: string;
  },
): ShareView<S> => {
  const isMine = share.ownerId === actor.userId;
  return {
    share,
    owner: extra.owner,
    status: isActiveAt(share.expiresAt, now) ? "active" : "expired",
    isMine,
    canRemove: mayRemove(actor, share),
    accessToken: isMine ? (extra.token ?? deps.tokenCipher.decrypt(share.tokenCiphertext)) : null,
    isExisting: extra.isExisting ?? false,
    viewsRemaining: viewsRemaining(share),
  };
};

/**
 * The view of a share the caller owns (create, refresh, rotate, extend):
 * the owner is the caller, as authentication already read them when the
 * adapter passed that on (`Actor.profile`), else looked up once.
 */
export const viewOwnShare = async <S extends ShareWithoutSnapshot>(
  deps: ShareDeps,
  actor: Actor,
  share: S,
  now: Date,
  isExisting = false,
  token?: string,
): Promise<ShareView<S>> => {
  const owner =
    actor.profile?.id === actor.userId ? actor.profile : await deps.shares.findOwner(actor.userId);
  return viewShare(deps, actor, share, now, { owner, isExisting, ...(token !== undefined && { token }) });
};

/** Views a limited link may still serve; null without a limit. */
export const viewsRemaining = (share: Pick<ShareWithoutSnapshot, "maxViews" | "viewsUsed">): number | null =>
  share.maxViews === null ? null : Math.max(0, share.maxViews - share.viewsUsed);
