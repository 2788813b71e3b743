import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontDoorHarness, startFrontDoor } from "../test-support/front-door-harness";
import { MAX_HEADER_BYTES } from "./header-overflow";

const longQuery = `?input=${"%20".repeat(MAX_HEADER_BYTES / 3 + 100)}`;

/**
 * A request line past Node's header limit never reaches a surface: Node's
 * parser refuses it. CI once found tRPC answering such a GET with a bare 431
 * that was neither JSON nor `no-store`; the refusal now has each surface's shape.
 */
describe("request line over the header limit", () => {
  let h: FrontDoorHarness;
  beforeAll(async () => {
    h = await startFrontDoor("pglite");
  });
  afterAll(() => h.close());

  it("/v1: 431 in the catalog's envelope with a request_id", async () => {
    const res = await fetch(`${h.base}/v1/shared/abc${longQuery}`);
    expect(res.status).toBe(431);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { error: { code: string }; request_id: string };
    expect(body.error.code).toBe("payload_too_large");
    expect(body.request_id).toBe(res.headers.get("x-correlation-id"));
    expect(body.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("/api/trpc: 431 as a tRPC error", async () => {
    const res = await fetch(
      `${h.base}/api/trpc/reports.list,shares.list?batch=1${longQuery.replace("?", "&")}`,
    );
    expect(res.status).toBe(431);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as {
      error: { code: number; data: { code: string; httpStatus: number } };
    };
    expect(body.error.code).toBe(-32600);
    expect(body.error.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 431 });
  });

  it("pages: 431 as plain text; the server keeps serving", async () => {
    const res = await fetch(`${h.base}/shared/abc${longQuery}`);
    expect(res.status).toBe(431);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toContain(`${MAX_HEADER_BYTES}-byte limit`);
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
  });
});
