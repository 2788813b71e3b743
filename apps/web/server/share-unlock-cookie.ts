import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The page's unlock cookie for a password-protected link (docs/protection.md).
 * Scoped to that link only (`Path=/shared/<token>`), httpOnly, valid 24 h.
 * Its value is `<expiry>.<HMAC(share id, password hash, expiry)>`: changing
 * the password changes the hash and rotating changes the share, so either
 * makes every issued cookie fail to verify; nothing is stored server-side.
 */
export const UNLOCK_COOKIE = "sl_unlock";
export const UNLOCK_TTL_SECONDS = 24 * 60 * 60;

export interface UnlockCookies {
  /** The Set-Cookie header for a link just unlocked. */
  issue(token: string, shareId: string, passwordHash: string, nowMs?: number): string;
  /** True when `value` unlocks this link (its id and current password hash) at `nowMs`. */
  verify(value: string | null, shareId: string, passwordHash: string, nowMs?: number): boolean;
}

export const createUnlockCookies = (serverSecret: string, secure: boolean): UnlockCookies => {
  // A key of its own, derived under a label, so the cookie MAC shares nothing with the token cipher.
  const key = createHmac("sha256", serverSecret).update("sharelinks-unlock-cookie-v1").digest();
  const mac = (shareId: string, passwordHash: string, expiry: number) =>
    createHmac("sha256", key).update(`${shareId}\n${passwordHash}\n${expiry}`).digest("base64url");
  return {
    issue(token, shareId, passwordHash, nowMs = Date.now()) {
      const expiry = Math.floor(nowMs / 1000) + UNLOCK_TTL_SECONDS;
      return [
        `${UNLOCK_COOKIE}=${expiry}.${mac(shareId, passwordHash, expiry)}`,
        `Path=/shared/${token}`,
        "HttpOnly",
        "SameSite=Lax",
        `Max-Age=${UNLOCK_TTL_SECONDS}`,
        ...(secure ? ["Secure"] : []),
      ].join("; ");
    },
    verify(value, shareId, passwordHash, nowMs = Date.now()) {
      if (!value) return false;
      const dot = value.indexOf(".");
      const expiry = Number(value.slice(0, dot));
      if (dot <= 0 || !Number.isSafeInteger(expiry) || expiry * 1000 <= nowMs) return false;
      const given = Buffer.from(value.slice(dot + 1));
      const expected = Buffer.from(mac(shareId, passwordHash, expiry));
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
};
