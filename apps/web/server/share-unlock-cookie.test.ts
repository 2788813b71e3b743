import { describe, expect, it } from "vitest";
import { createUnlockCookies, UNLOCK_TTL_SECONDS } from "./share-unlock-cookie";

const SECRET = "s".repeat(32);
const cookieValue = (setCookie: string) => (setCookie.split(";")[0] as string).split("=")[1] as string;

describe("share unlock cookie", () => {
  const cookies = createUnlockCookies(SECRET, true);
  const now = Date.UTC(2026, 0, 1);

  it("is httpOnly, scoped to the link's path, 24 h, Secure on https", () => {
    const header = cookies.issue("tok", "share-1", "$argon2id$h1", now);
    expect(header).toContain("Path=/shared/tok");
    expect(header).toContain("HttpOnly");
    expect(header).toContain(`Max-Age=${UNLOCK_TTL_SECONDS}`);
    expect(header).toContain("Secure");
    expect(header).not.toContain("argon2");
  });

  it("verifies for the same link and password until it expires", () => {
    const value = cookieValue(cookies.issue("tok", "share-1", "h1", now));
    expect(cookies.verify(value, "share-1", "h1", now + 1000)).toBe(true);
    expect(cookies.verify(value, "share-1", "h1", now + UNLOCK_TTL_SECONDS * 1000 + 1)).toBe(false);
  });

  it("a password change (new hash) or a rotation (new share) invalidates it; forgeries fail", () => {
    const value = cookieValue(cookies.issue("tok", "share-1", "h1", now));
    expect(cookies.verify(value, "share-1", "h2", now)).toBe(false);
    expect(cookies.verify(value, "share-2", "h1", now)).toBe(false);
    expect(createUnlockCookies("t".repeat(32), true).verify(value, "share-1", "h1", now)).toBe(false);
    const [expiry, mac] = value.split(".") as [string, string];
    expect(cookies.verify(`${Number(expiry) + 999}.${mac}`, "share-1", "h1", now)).toBe(false);
    for (const junk of [null, "", "x", ".", "1.", "abc.def"])
      expect(cookies.verify(junk, "share-1", "h1", now)).toBe(false);
  });
});
