import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteContext } from "../route";
import { type Harness, startHarness } from "../test-support/harness";
import { healthRoutes } from "./health";

describe.each(testDatabaseKinds())("health on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it("GET /healthz is 200 {status: ok}", async () => {
    const res = await h.request("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok" });
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("GET /readyz is 200 while the database answers", async () => {
    const res = await h.request("GET", "/readyz");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok" });
  });

  it("HEAD /healthz answers the GET's status with no body", async () => {
    const res = await h.request("HEAD", "/healthz");
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
  });
});

describe("health answers", () => {
  const route = (path: string) => {
    const found = healthRoutes.find((r) => r.path === path);
    if (!found) throw new Error(path);
    return found;
  };
  const ctxWith = (db: { ping(): Promise<unknown>; wedged?(): boolean }, draining = false) =>
    ({ services: { db }, draining: () => draining, readyTimeoutMs: 500 }) as unknown as RouteContext;
  const call = (path: string, ctx: RouteContext) =>
    Promise.resolve()
      .then(() =>
        route(path).handle({
          ctx,
          actor: null,
          params: {},
          query: {},
          body: undefined,
          requestId: "r",
          request: { headers: {}, clientIp: "127.0.0.1" },
        }),
      )
      .then(
        (result) => result.status,
        (error: unknown) => (error as { code?: string }).code,
      );

  it("/healthz fails while database work waits past the deadline, without sending a query", async () => {
    const ping = async () => {
      throw new Error("healthz must not ping");
    };
    expect(await call("/healthz", ctxWith({ ping, wedged: () => false }))).toBe(200);
    expect(await call("/healthz", ctxWith({ ping, wedged: () => true }))).toBe("service_unavailable");
  });

  it("/readyz answers 503 from the moment the server drains, though the database answers", async () => {
    const db = { ping: async () => undefined };
    expect(await call("/readyz", ctxWith(db))).toBe(200);
    expect(await call("/readyz", ctxWith(db, true))).toBe("service_unavailable");
  });
});
