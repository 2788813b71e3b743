import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createDispatcher, type Routes } from "./dispatch";

const route = (url: string): keyof Routes => {
  let hit: keyof Routes | null = null;
  const mark = (name: keyof Routes) => () => {
    hit = name;
  };
  createDispatcher({
    rest: mark("rest"),
    trpc: mark("trpc"),
    publicPage: mark("publicPage"),
    next: mark("next"),
  })({ url } as IncomingMessage, {} as ServerResponse);
  if (hit === null) throw new Error("no handler ran");
  return hit;
};

describe("createDispatcher", () => {
  it.each([
    ["/v1/shared/abc", "rest"],
    ["/v1/reports?limit=2", "rest"],
    ["/v1", "rest"],
    ["/v1?x=1", "rest"],
    ["/healthz", "rest"],
    ["/readyz", "rest"],
    ["/api/trpc/shares.mine?batch=1", "trpc"],
    ["/shared/abc", "publicPage"],
    ["/", "next"],
    ["/reports/123", "next"],
    ["/v1x", "next"],
    ["/healthzz", "next"],
    ["/sharedfoo", "next"],
    ["/api/trpcx", "next"],
    ["/_next/static/chunk.js", "next"],
  ] as const)("%s goes to %s", (url, expected) => {
    expect(route(url)).toBe(expected);
  });
});
