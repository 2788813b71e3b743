import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../test-support/harness";

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
