import { z } from "zod";
import type { PasswordHasher } from "../accounts/ports";
import type { Share } from "./share";

/** Link protection rules (docs/protection.md): the bounds, written once for every entry point. */
export const SHARE_PASSWORD_MIN = 8;
export const SHARE_PASSWORD_MAX = 128;
export const MAX_VIEWS_LIMIT = 1_000_000;

export const sharePasswordSchema = z
  .string()
  .min(SHARE_PASSWORD_MIN, `password must be at least ${SHARE_PASSWORD_MIN} characters`)
  .max(SHARE_PASSWORD_MAX, `password must be at most ${SHARE_PASSWORD_MAX} characters`)
  .nullable()
  .meta({
    description: `Readers must give this password (${SHARE_PASSWORD_MIN}-${SHARE_PASSWORD_MAX} characters); null removes it. Stored as argon2id, never shown again.`,
  });

export const maxViewsSchema = z
  .int()
  .min(1)
  .max(MAX_VIEWS_LIMIT)
  .nullable()
  .meta({
    description: `Counted views the link may serve (1-${MAX_VIEWS_LIMIT.toLocaleString("en-US")}); null for no limit. Setting it starts a fresh allowance. 1 makes a one-time link.`,
  });

/** What a create, refresh or PATCH may change of a link's protection. Absent fields stay as they are. */
export interface ProtectionInput {
  password?: string | null;
  max_views?: number | null;
}

export type ProtectionFields = Pick<Share, "passwordHash" | "maxViews" | "viewsUsed">;

/** A protection change with the password already hashed; `undefined` keeps a field as it is. */
export interface ProtectionChange {
  passwordHash?: string | null;
  maxViews?: number | null;
}

/**
 * Hashes a new password (argon2id in production) before any transaction
 * starts, so no lock is held while it runs; `null` removes the password.
 */
export const hashProtection = async (
  passwords: Pick<PasswordHasher, "hash">,
  input: ProtectionInput,
): Promise<ProtectionChange> => ({
  ...(input.password !== undefined && {
    passwordHash: input.password === null ? null : await passwords.hash(input.password),
  }),
  ...(input.max_views !== undefined && { maxViews: input.max_views }),
});

/**
 * The protection a link ends up with. Setting `max_views` (to any number)
 * starts a fresh allowance of that many views: "the next N views", which is
 * what an owner who types a number expects, and what re-arms a used-up
 * one-time link.
 */
export const applyProtection = (current: ProtectionFields, change: ProtectionChange): ProtectionFields => ({
  passwordHash: change.passwordHash === undefined ? current.passwordHash : change.passwordHash,
  maxViews: change.maxViews === undefined ? current.maxViews : change.maxViews,
  viewsUsed: change.maxViews === undefined ? current.viewsUsed : 0,
});

/** Which protection fields a change touched, for the audit event (never the password). */
export const changedProtection = (change: ProtectionChange): Record<string, unknown> => ({
  ...(change.passwordHash !== undefined && { password: change.passwordHash === null ? "removed" : "set" }),
  ...(change.maxViews !== undefined && { max_views: change.maxViews }),
});

export const NO_PROTECTION: ProtectionFields = { passwordHash: null, maxViews: null, viewsUsed: 0 };

/**
 * Counts wrong passwords per link and per client, in the shared rate-limit
 * store (the adapter builds one per request). `check` throws 429
 * `rate_limit_exceeded` with `retry_after` while either budget is spent.
 */
export interface PasswordAttemptGuard {
  check(shareId: string): void;
  fail(shareId: string): Promise<void>;
}
