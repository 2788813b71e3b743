import { describe, expect, it } from "vitest";
import { resolveClientIp } from "./client-ip";

describe("resolveClientIp", () => {
  it.each([
    ["socket peer without proxies", "10.0.0.1", { "x-forwarded-for": "1.1.1.1" }, 0, "10.0.0.1"],
    ["one trusted proxy", "10.0.0.1", { "x-forwarded-for": "203.0.113.5" }, 1, "203.0.113.5"],
    [
      "a spoofed entry on the left is ignored",
      "10.0.0.1",
      { "x-forwarded-for": "6.6.6.6, 203.0.113.5" },
      1,
      "203.0.113.5",
    ],
    [
      "two trusted proxies",
      "10.0.0.1",
      { "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" },
      2,
      "203.0.113.5",
    ],
    ["more hops than entries", "10.0.0.1", {}, 3, "10.0.0.1"],
    [
      "fetch (no peer): right-most entry",
      undefined,
      { "x-forwarded-for": "6.6.6.6, 203.0.113.5" },
      0,
      "203.0.113.5",
    ],
    ["fetch (no peer) and no header", undefined, {}, 0, "unknown"],
  ])("%s", (_label, peer, headers, hops, expected) => {
    expect(resolveClientIp(peer, headers, hops)).toBe(expected);
  });
});
