import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontDoorHarness, startFrontDoor } from "../test-support/front-door-harness";

/** The access log at the front door: every surface, the dashboard's pages included. */
describe("access lines", () => {
  let h: FrontDoorHarness;
  beforeAll(async () => {
    h = await startFrontDoor("pglite");
  });
  afterAll(() => h.close());

  it("log a dashboard (Next.js) request with the instance, and keep a client's UUID X-Request-ID", async () => {
    const sent = "0b6f1c52-8e1d-4f7a-9c3e-2a5d6b7c8d9e";
    expect((await fetch(`${h.base}/reports/abc`, { headers: { "x-request-id": sent } })).status).toBe(299);
    expect(
      (await fetch(`${h.base}/healthz`, { headers: { "x-request-id": "not-a-uuid; forged" } })).status,
    ).toBe(200);
    const lines = h.logs.records().filter((line) => line.msg === "request");
    const page = lines.find((line) => line.surface === "next");
    expect(page).toMatchObject({ request_id: sent, hostname: hostname(), pid: process.pid, status: 299 });
    const health = lines.find((line) => line.route === "/healthz");
    expect(health?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(health?.request_id).not.toBe(sent);
    for (const line of h.logs.records())
      expect(line).toMatchObject({ hostname: hostname(), pid: process.pid });
  });
});
