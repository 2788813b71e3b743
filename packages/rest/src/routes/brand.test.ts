import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
} from "../test-support/harness";

const DAY = 86_400_000;
const NO_POLICY = { default_expiration_days: null, max_expiration_days: null, require_password: false };

describe.each(testDatabaseKinds())("GET/PATCH /v1/brand on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let member: Member;
  const patch = (key: string, share_policy: Record<string, unknown>) =>
    h.request("PATCH", "/v1/brand", { key, body: { share_policy } });
  const create = (key: string, body: Record<string, unknown> = {}) =>
    h.request("POST", `/v1/reports/${t.reportId}/shares`, { key, body: { rotate: true, ...body } });

  beforeAll(async () => {
    h = await startHarness(kind);
    t = await provisionTenant(h, 1);
    member = t.members[0] as Member;
  });
  afterAll(() => h.close());

  it("GET: the caller's brand with its white label and share policy, to members too; no key 401", async () => {
    const got = await h.request("GET", "/v1/brand", { key: member.key });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      object: "brand",
      id: t.brandId,
      white_label: null,
      share_policy: NO_POLICY,
    });
    expect((await h.request("GET", "/v1/brand")).status).toBe(401);
  });

  it("PATCH: a member is 403 and changes nothing; a manager changes only the fields sent", async () => {
    const refused = await patch(member.key, { max_expiration_days: 30 });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("forbidden");
    expect((await h.request("GET", "/v1/brand", { key: member.key })).json.share_policy).toEqual(NO_POLICY);

    const first = await patch(t.manager.key, { max_expiration_days: 30 });
    expect(first.status).toBe(200);
    expect(first.json.share_policy).toEqual({ ...NO_POLICY, max_expiration_days: 30 });
    const second = await patch(t.manager.key, { default_expiration_days: 10 });
    expect(second.json.share_policy).toEqual({
      ...NO_POLICY,
      default_expiration_days: 10,
      max_expiration_days: 30,
    });
    expect((await h.request("GET", "/v1/brand", { key: member.key })).json.share_policy).toEqual(
      second.json.share_policy,
    );
  });

  it("another brand's manager sees and changes only their own brand", async () => {
    const other = await provisionTenant(h, 0);
    const theirs = await patch(other.manager.key, { require_password: true });
    expect(theirs.json.id).toBe(other.brandId);
    expect(
      (await h.request("GET", "/v1/brand", { key: member.key })).json.share_policy.require_password,
    ).toBe(false);
  });

  it("bounds: outside 1-365 or unknown fields 422; a default above the maximum 400", async () => {
    for (const share_policy of [{ max_expiration_days: 0 }, { max_expiration_days: 366 }, { max_days: 3 }]) {
      const bad = await patch(t.manager.key, share_policy);
      expect(bad.status).toBe(422);
      expect(bad.json.error.code).toBe("body_validation_error");
    }
    expect((await h.request("PATCH", "/v1/brand", { key: t.manager.key, body: {} })).status).toBe(422);
    const above = await patch(t.manager.key, { default_expiration_days: 31 });
    expect(above.status).toBe(400);
    expect(above.json.error).toMatchObject({
      code: "validation_error",
      details: { reason: "default_exceeds_max_expiry", max_expiration_days: 30 },
    });
  });

  it("creates and extends follow the policy: the default, the maximum with its limit", async () => {
    const created = await create(member.key);
    expect(created.status).toBe(201);
    expect(Date.parse(created.json.expires_at) - h.clock.now().getTime()).toBe(10 * DAY);

    const tooLong = await create(member.key, { expiration_days: 60 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error).toMatchObject({
      code: "validation_error",
      details: { reason: "exceeds_brand_max_expiry", max_expiration_days: 30, limit: 30 },
    });
    expect(tooLong.json.request_id).toBe(tooLong.headers.get("x-correlation-id"));

    const extend = (days: number) =>
      h.request("PATCH", `/v1/reports/${t.reportId}/shares/${created.json.id}`, {
        key: member.key,
        body: { expiration_days: days },
      });
    expect((await extend(31)).json.error.details.reason).toBe("exceeds_brand_max_expiry");
    expect((await extend(30)).status).toBe(200);
  });

  it("require_password: a create without a password is 400, with one 201; removing it is 400", async () => {
    await patch(t.manager.key, { require_password: true });
    const bare = await create(member.key);
    expect(bare.status).toBe(400);
    expect(bare.json.error).toMatchObject({
      code: "validation_error",
      details: { reason: "password_required_by_policy" },
    });
    const protectedLink = await create(member.key, { password: "correct horse" });
    expect(protectedLink.status).toBe(201);
    expect(protectedLink.json.has_password).toBe(true);
    const removal = await h.request("PATCH", `/v1/shares/${protectedLink.json.id}`, {
      key: member.key,
      body: { password: null },
    });
    expect(removal.status).toBe(400);
    expect(removal.json.error.details.reason).toBe("password_required_by_policy");

    // Lifting the policy (null clears the limits) puts the service defaults back.
    const cleared = await patch(t.manager.key, {
      default_expiration_days: null,
      max_expiration_days: null,
      require_password: false,
    });
    expect(cleared.json.share_policy).toEqual(NO_POLICY);
    expect((await create(member.key, { expiration_days: 365 })).status).toBe(201);
  });
});
