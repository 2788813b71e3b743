import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

const ORIGIN = "https://links.example.test";

describe("safeNext", () => {
  it.each([
    ["/reports/123?tab=shares#top", "/reports/123?tab=shares#top"],
    ["/links", "/links"],
    ["reports", "/reports"],
  ])("keeps %s on this site as %s", (next, expected) => {
    expect(safeNext(next, ORIGIN)).toBe(expected);
  });

  // The open redirects of the hardening report (`?next=/\evil.test/`, `?next=/%09/evil.test/`,
  // `?next=/%5Cevil.test`) as the page receives them, decoded, and their relatives.
  it.each([
    "/\\evil.test/",
    "/\t/evil.test/",
    "//evil.test",
    "\\\\evil.test",
    "https://evil.test/reports",
    "http://links.example.test/reports",
    "javascript:alert(1)",
    "data:text/html,hi",
    "/\n/evil.test",
    "",
    null,
    undefined,
    "/sign-in?next=/reports",
  ])("sends %j to /", (next) => {
    const result = safeNext(next, ORIGIN);
    expect(result).toBe("/");
    // Whatever comes back, the browser resolves it on this origin.
    expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
  });

  it.each([
    ["/%09/evil.test/", "/%09/evil.test/"],
    ["/%5Cevil.test", "/%5Cevil.test"],
    ["https:evil.test", "/evil.test"],
  ])("keeps still-encoded or scheme-relative %j as a path on this site", (next, expected) => {
    expect(safeNext(next, ORIGIN)).toBe(expected);
  });

  it("never leaves the origin, whatever it is given", () => {
    for (let code = 0; code < 0x80; code += 1) {
      const next = `/${String.fromCharCode(code)}/evil.test/`;
      expect(new URL(safeNext(next, ORIGIN), ORIGIN).origin).toBe(ORIGIN);
    }
  });
});
