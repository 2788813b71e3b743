import { describe, expect, it } from "vitest";
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from "./session-cookie";

describe("session cookie", () => {
  it("reads one cookie among several, decoding its value", () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=abc%2Fdef; b=2`, SESSION_COOKIE)).toBe("abc/def");
    expect(readCookie("a=1; b=2", SESSION_COOKIE)).toBeNull();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeNull();
    expect(readCookie(`${SESSION_COOKIE}x=1`, SESSION_COOKIE)).toBeNull();
  });

  it("treats a value that does not decode as absent, and still reads the others (finding 7)", () => {
    expect(readCookie(`${SESSION_COOKIE}=%zz`, SESSION_COOKIE)).toBeNull();
    expect(readCookie(`${SESSION_COOKIE}=%E0%A4%A; a=1`, SESSION_COOKIE)).toBeNull();
    expect(readCookie(`other=%zz; ${SESSION_COOKIE}=abc`, SESSION_COOKIE)).toBe("abc");
  });

  it("is httpOnly and SameSite=Lax, Secure only when asked", () => {
    const expires = new Date("2030-01-01T00:00:00Z");
    const local = sessionCookie("tok", expires, false);
    expect(local).toContain(`${SESSION_COOKIE}=tok`);
    expect(local).toContain("HttpOnly");
    expect(local).toContain("SameSite=Lax");
    expect(local).toContain("Path=/");
    expect(local).toContain("Expires=Tue, 01 Jan 2030 00:00:00 GMT");
    expect(local).not.toContain("Secure");
    expect(sessionCookie("tok", expires, true)).toContain("Secure");
    expect(clearedSessionCookie(true)).toMatch(/Max-Age=0.*Secure/);
  });
});
