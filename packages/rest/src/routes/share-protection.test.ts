import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
  tokenOf,
} from "../test-support/harness";

describe.each(testDatabaseKinds())("password and view limit over /v1 on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let owner: Member;
  beforeAll(async () => {
    h = await startHarness(kind, {
      rateLimits: {
        perKeyPerMinute: 100_000,
        publicPerIpPerMinute: 100_000,
        sharePasswordFailuresPerIpPerMinute: 3,
        sharePasswordFailuresPerLinkPerMinute: 100,
      },
    });
    t = await provisionTenant(h, 2);
    owner = t.members[0] as Member;
  });
  afterAll(() => h.close());

  const create = (body: Record<string, unknown>) =>
    h.request("POST", `/v1/reports/${t.reportId}/shares`, {
      key: owner.key,
      body: { rotate: true, ...body },
    });

  it("create with password and max_views: has_password, views_remaining; the hash is never shown", async () => {
    const res = await create({ password: "correct horse", max_views: 3 });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ has_password: true, max_views: 3, views_remaining: 3 });
    expect(res.text).not.toContain("argon2");
    expect(res.text).not.toContain("correct horse");
  });

  it("bad bounds are 422 with the field", async () => {
    for (const body of [{ password: "short" }, { max_views: 0 }, { max_views: 1_000_001 }]) {
      const res = await create(body);
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("body_validation_error");
    }
  });

  it("PATCH /v1/shares/{id}: owner only, at least one field; one-time link then 410 view_limit_reached", async () => {
    const share = (await create({})).json;
    const path = `/v1/shares/${share.id}`;
    expect((await h.request("PATCH", path, { key: owner.key, body: {} })).status).toBe(422);
    expect((await h.request("PATCH", path, { key: t.manager.key, body: { max_views: 1 } })).status).toBe(403);
    const patched = await h.request("PATCH", path, { key: owner.key, body: { max_views: 1 } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ max_views: 1, views_remaining: 1 });
    const token = tokenOf(share);
    expect((await h.request("GET", `/v1/shared/${token}`)).status).toBe(200);
    const used = await h.request("GET", `/v1/shared/${token}`);
    expect(used.status).toBe(410);
    expect(used.json.error).toMatchObject({ code: "gone", details: { reason: "view_limit_reached" } });
    const listed = await h.request("GET", "/v1/shares", { key: owner.key });
    expect(listed.json.data.find((s: { id: string }) => s.id === share.id).views_remaining).toBe(0);
  });

  it("wrong passwords are throttled per client IP: 429 with Retry-After, even for the right one", async () => {
    const share = (await create({ password: "correct horse" })).json;
    const read = (password: string) =>
      h.request("GET", `/v1/shared/${tokenOf(share)}`, { headers: { "x-share-password": password } });
    for (let i = 0; i < 3; i += 1) expect((await read("wrong wrong")).status).toBe(401);
    const refused = await read("correct horse");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.json.error.code).toBe("rate_limit_exceeded");
  });
});
