import type { PasswordHasher } from "../accounts/ports";
import type { Clock } from "../clock";
import { DomainError, gone, notFound } from "../errors";
import { isActiveAt } from "./expiry";
import type { PublicShareRecord, ShareRepository } from "./ports";
import type { PasswordAttemptGuard } from "./protection";
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

/** What a link preview (a bot, an unfurler) gets: the title and the brand, never the numbers. */
export type PublicSharePreview = Omit<PublicShare, "snapshot">;

export interface PublicReadDeps {
  /** The primary: the authority on every answer the copy cannot give. */
  shares: Pick<ShareRepository, "findPublicByTokenHash" | "consumeView">;
  /**
   * A copy that may trail the primary (a read replica, DATABASE_REPLICA_URL).
   * It answers only what lag cannot turn wrong in the reader's disfavour: an
   * active, unprotected link. A miss, a paused, expired or protected link is
   * asked of `shares` again, so a link that exists never answers 404/410 (or
   * checks a password) on the copy's word. The adapter answers null whenever
   * the copy is not to be asked (down, or behind past its bound).
   */
  replica?: Pick<ShareRepository, "findPublicByTokenHash">;
  clock: Clock;
  passwords: Pick<PasswordHasher, "verify">;
}

/** What the reader brought (docs/protection.md). Everything optional: a plain read brings nothing. */
export interface PublicReadAccess {
  /** `X-Share-Password`, or the page form's field. */
  password?: string;
  /** The page's unlock cookie, checked by the adapter against this link (id and password hash). */
  unlocked?: (record: Pick<PublicShareRecord, "shareId" | "passwordHash">) => boolean;
  /** Wrong-password throttle for this client; without one, failures are not throttled (tests). */
  guard?: PasswordAttemptGuard;
  /** A bot or link-preview fetcher: gets the preview only, needs no password, consumes nothing. */
  isBot?: boolean;
  /** The page: a locked link answers `locked` with the preview (for the form) instead of 401. */
  askForPassword?: boolean;
}

/**
 * A public read as the surfaces see it: the payload, and which share it was and
 * in which version (never sent; the page reuses its render while the version holds).
 */
export type PublicShareRead =
  | { kind: "full"; shareId: string; version: string; payload: PublicShare }
  | { kind: "preview"; shareId: string; payload: PublicSharePreview }
  | { kind: "locked"; shareId: string; payload: PublicSharePreview };

export const passwordRequired = () =>
  new DomainError("unauthorized", "This link needs a password", { reason: "password_required" });
export const passwordInvalid = () =>
  new DomainError("unauthorized", "Wrong password for this link", { reason: "password_invalid" });
export const viewLimitReached = () =>
  gone("This share link has reached its view limit", { reason: "view_limit_reached" });

/**
 * GET /v1/shared/{token} and the page. One indexed lookup answers an
 * unprotected link; unknown, revoked or paused is 404 (a paused link does not
 * say it exists), expired is 410. A password is checked (throttled) before a
 * view is used; a view limit costs one conditional increment, and past it the
 * link is 410 `view_limit_reached`. Bots get the preview and use nothing.
 */
export const openPublicShare = async (
  deps: PublicReadDeps,
  token: string,
  access: PublicReadAccess = {},
): Promise<PublicShareRead> => {
  const record = await findServable(deps, token);
  const preview = previewOf(record);
  if (access.isBot) return { kind: "preview", shareId: record.shareId, payload: preview };

  if (record.passwordHash !== null && !access.unlocked?.(record)) {
    if (access.askForPassword) return { kind: "locked", shareId: record.shareId, payload: preview };
    await checkPassword(deps, record.shareId, record.passwordHash, access);
  }
  if (record.maxViews !== null && !(await deps.shares.consumeView(record.shareId))) {
    throw viewLimitReached();
  }
  return {
    kind: "full",
    shareId: record.shareId,
    version: record.version,
    payload: { ...preview, snapshot: record.snapshot },
  };
};

/** The link, if it may answer at all: unknown or paused 404, expired or used up 410. */
const findServable = async (deps: PublicReadDeps, token: string): Promise<PublicShareRecord> => {
  if (!isWellFormedToken(token)) throw notFound("Share link");
  const now = deps.clock.now();
  const record = await lookUp(deps, hashToken(token), now);
  if (!record || record.pausedAt !== null) throw notFound("Share link");
  if (!isActiveAt(record.expiresAt, now)) throw gone();
  if (record.maxViews !== null && record.viewsUsed >= record.maxViews) throw viewLimitReached();
  return record;
};

/** The replica's answer when it can only be right; otherwise the primary's. */
const lookUp = async (deps: PublicReadDeps, tokenHash: string, now: Date) => {
  // Without a replica the hot path pays no extra await.
  if (!deps.replica) return deps.shares.findPublicByTokenHash(tokenHash);
  const copy = await deps.replica.findPublicByTokenHash(tokenHash);
  if (copy && copy.pausedAt === null && isActiveAt(copy.expiresAt, now) && isUnprotected(copy)) return copy;
  return deps.shares.findPublicByTokenHash(tokenHash);
};

/** Password and view-limit checks act on the primary's row (a changed password, views used). */
const isUnprotected = (record: PublicShareRecord) => record.passwordHash === null && record.maxViews === null;

const previewOf = (record: PublicShareRecord): PublicSharePreview => ({
  share_type: record.resourceType,
  title: record.snapshot.title,
  expires_at: record.expiresAt.toISOString(),
  white_label: mergeWhiteLabel(record.brandName, record.brandWhiteLabel, record.whiteLabel),
});

export type UnlockResult =
  /** `passwordHash` null: the link has no password (nothing to unlock). */
  | { outcome: "unlocked"; shareId: string; passwordHash: string | null; preview: PublicSharePreview }
  | {
      outcome: "refused";
      problem: "invalid" | "throttled";
      retryAfterSeconds?: number;
      preview: PublicSharePreview;
    };

/**
 * The page's password form (POST /shared/{token}): checks the password,
 * throttled like the API, and uses no view (the redirect's GET does). The
 * adapter turns `unlocked` into the link's cookie, keyed on `passwordHash`.
 */
export const unlockPublicShare = async (
  deps: PublicReadDeps,
  token: string,
  access: Pick<PublicReadAccess, "password" | "guard">,
): Promise<UnlockResult> => {
  const record = await findServable(deps, token);
  const preview = previewOf(record);
  if (record.passwordHash === null) {
    return { outcome: "unlocked", shareId: record.shareId, passwordHash: null, preview };
  }
  try {
    await checkPassword(deps, record.shareId, record.passwordHash, access);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "rate_limit_exceeded") {
      const retry = error.details?.retry_after;
      return {
        outcome: "refused",
        problem: "throttled",
        ...(typeof retry === "number" && { retryAfterSeconds: retry }),
        preview,
      };
    }
    if (error.code === "unauthorized") return { outcome: "refused", problem: "invalid", preview };
    throw error;
  }
  return { outcome: "unlocked", shareId: record.shareId, passwordHash: record.passwordHash, preview };
};

/** 401 without a password or with a wrong one; 429 once this client or this link has failed too often. */
export const checkPassword = async (
  deps: Pick<PublicReadDeps, "passwords">,
  shareId: string,
  passwordHash: string,
  access: Pick<PublicReadAccess, "password" | "guard">,
): Promise<void> => {
  if (access.password === undefined || access.password === "") throw passwordRequired();
  access.guard?.check(shareId);
  if (await deps.passwords.verify(passwordHash, access.password)) return;
  await access.guard?.fail(shareId);
  throw passwordInvalid();
};

/** The full payload alone (tests and callers that never see bots). */
export const readPublicShare = async (
  deps: PublicReadDeps,
  token: string,
  access: PublicReadAccess = {},
): Promise<PublicShare> => {
  const read = await openPublicShare(deps, token, { ...access, isBot: false, askForPassword: false });
  if (read.kind !== "full") throw new Error("unreachable: a non-bot read is full");
  return read.payload;
};
