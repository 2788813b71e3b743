import { describe, expect, it } from "vitest";
import { defineRoute, type HttpMethod, type Route } from "./route";
import { isRestPath, Router } from "./router";
import { routes } from "./routes";

const route = (method: HttpMethod, path: string): Route =>
  defineRoute({
    method,
    path,
    operationId: `${method}${path}`,
    summary: "",
    tag: "t",
    auth: "none",
    responses: {},
    handle: () => ({ status: 204 }),
  });

describe("Router", () => {
  const router = new Router(routes);

  it("matches the real table, capturing parameters", () => {
    const match = router.match("PATCH", "/v1/reports/abc/shares/def");
    expect(match.kind).toBe("route");
    if (match.kind !== "route") return;
    expect(match.route.path).toBe("/v1/reports/{report_id}/shares/{share_id}");
    expect(match.params).toEqual({ report_id: "abc", share_id: "def" });
  });

  it("a static segment wins over a parameter: /v1/shares/cancel is never a share id", () => {
    const cancel = router.match("POST", "/v1/shares/cancel");
    expect(cancel.kind === "route" && cancel.route.path).toBe("/v1/shares/cancel");
    expect(router.match("DELETE", "/v1/shares/cancel")).toEqual({
      kind: "method_not_allowed",
      pattern: "/v1/shares/cancel",
      allow: "POST",
    });
    const byId = router.match("DELETE", "/v1/shares/3f9c7e8a-1b6a-4d8e-92cf-7d9c8b1e2a04");
    expect(byId.kind === "route" && byId.route.path).toBe("/v1/shares/{share_id}");
  });

  it("a known path with another method is 405 with the allowed methods (HEAD with GET)", () => {
    expect(router.match("PUT", "/v1/reports/x/shares")).toEqual({
      kind: "method_not_allowed",
      pattern: "/v1/reports/{report_id}/shares",
      allow: "GET, HEAD, POST, DELETE",
    });
    const head = router.match("HEAD", "/v1/shares");
    expect(head.kind === "route" && head.route.method).toBe("GET");
  });

  it.each([
    "/v1/shares/",
    "/v1//shares",
    "//v1/shares",
    "/v1/shares/a/b",
    "/v1",
    "",
    "v1/shares",
    "/V1/shares",
    "/v1/reports//shares",
  ])("%j matches nothing", (path) => {
    expect(router.match("GET", path)).toEqual({ kind: "none" });
  });

  it("percent-decodes parameters, and leaves undecodable ones as they are", () => {
    const ok = router.match("GET", "/v1/shared/a%2Fb");
    expect(ok.kind === "route" && ok.params).toEqual({ token: "a/b" });
    const bad = router.match("GET", "/v1/shared/%E0%A4%A");
    expect(bad.kind === "route" && bad.params).toEqual({ token: "%E0%A4%A" });
  });

  it("refuses duplicate routes and malformed patterns", () => {
    expect(() => new Router([route("GET", "/a"), route("GET", "/a")])).toThrow(/Duplicate/);
    expect(() => new Router([route("GET", "a")])).toThrow();
    expect(() => new Router([route("GET", "/a//b")])).toThrow();
    expect(() => new Router([route("GET", "/a/{b")])).toThrow();
  });
});

describe("isRestPath", () => {
  it.each([
    ["/v1/shares", true],
    ["/v1/shared/abc", true],
    ["/healthz", true],
    ["/readyz", true],
    ["/shared/abc", false],
    ["/v10/x", false],
    ["/", false],
    ["/dashboard", false],
  ])("%s -> %s", (path, expected) => {
    expect(isRestPath(path)).toBe(expected);
  });
});
