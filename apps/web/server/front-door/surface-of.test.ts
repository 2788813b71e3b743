import { describe, expect, it } from "vitest";
import { surfaceOf } from "./surface-of";

describe("surfaceOf", () => {
  it.each([
    ["/v1/shared/abc", "rest"],
    ["/v1/reports", "rest"],
    ["/v1", "rest"],
    ["/healthz", "rest"],
    ["/readyz", "rest"],
    ["/api/trpc/shares.mine", "trpc"],
    ["/api/trpc", "trpc"],
    ["/shared/abc", "page"],
    ["/", "next"],
    ["/reports/123", "next"],
    ["/v1x", "next"],
    ["/healthzz", "next"],
    ["/healthz/", "next"],
    ["/sharedfoo", "next"],
    ["/api/trpcx", "next"],
    ["/_next/static/chunk.js", "next"],
  ] as const)("%s goes to %s", (path, expected) => {
    expect(surfaceOf(path)).toBe(expected);
  });
});
