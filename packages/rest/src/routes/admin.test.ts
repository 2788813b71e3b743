import { randomUUID } from "node:crypto";
import { MAX_ACTIVE_API_KEYS } from "@sharelinks/core";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  addUser,
  type Harness,
  provisionTenant,
  RESULTS,
  startHarness,
} from "../test-support/harness";

describe.each(testDatabaseKinds())("/v1/admin on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  const newBrand = async () => (await h.admin("POST", "/v1/admin/brands", { name: "Initech" })).json;

  describe("authentication", () => {
    const routes: [string, string][] = [
      ["POST", "/v1/admin/brands"],
      ["PATCH", `/v1/admin/brands/${randomUUID()}`],
      ["POST", `/v1/admin/brands/${randomUUID()}/users`],
      ["POST", `/v1/admin/users/${randomUUID()}/api-keys`],
      ["DELETE", `/v1/admin/api-keys/${randomUUID()}`],
      ["POST", `/v1/admin/brands/${randomUUID()}/reports`],
      ["POST", `/v1/admin/brands/${randomUUID()}/scheduled-reports`],
      ["POST", `/v1/admin/scheduled-reports/${randomUUID()}/runs`],
    ];
    it.each(routes)(
      "%s %s -> 401 without, with a wrong, or with an API key as the token",
      async (method, path) => {
        const t = await provisionTenant(h, 0);
        for (const authorization of [
          undefined,
          `Bearer ${ADMIN_TOKEN}x`,
          `Bearer ${t.manager.key}`,
          ADMIN_TOKEN,
          "Basic abc",
        ]) {
          const res = await h.request(method, path, {
            ...(authorization !== undefined && { authorization }),
            body: {},
          });
          expect(res.status).toBe(401);
          expect(res.json.error.code).toBe("unauthorized");
        }
      },
    );
  });

  it("POST /v1/admin/brands: 201 brand; 422 on a bad body", async () => {
    const res = await h.admin("POST", "/v1/admin/brands", {
      name: "  Hooli ",
      white_label: { company_name: "Hooli XYZ", hide_powered_by: true },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      object: "brand",
      id: expect.any(String),
      name: "Hooli",
      white_label: { company_name: "Hooli XYZ", hide_powered_by: true },
      share_policy: { default_expiration_days: null, max_expiration_days: null, require_password: false },
      created_at: h.clock.now().toISOString(),
    });
    for (const body of [
      {},
      { name: "" },
      { name: "x", plan: "pro" },
      { name: "x", white_label: { primary_color: "blue" } },
    ]) {
      const bad = await h.admin("POST", "/v1/admin/brands", body);
      expect(bad.status).toBe(422);
      expect(bad.json.error.code).toBe("body_validation_error");
    }
  });

  it("PATCH /v1/admin/brands/{id}: 200, clears with null; 404 unknown; 400 non-UUID; 422 missing white_label", async () => {
    const brand = await newBrand();
    const res = await h.admin("PATCH", `/v1/admin/brands/${brand.id}`, {
      white_label: { primary_color: "#123456" },
    });
    expect(res.status).toBe(200);
    expect(res.json.white_label).toEqual({ primary_color: "#123456" });
    expect(
      (await h.admin("PATCH", `/v1/admin/brands/${brand.id}`, { white_label: null })).json.white_label,
    ).toBeNull();
    expect((await h.admin("PATCH", `/v1/admin/brands/${randomUUID()}`, { white_label: null })).status).toBe(
      404,
    );
    expect((await h.admin("PATCH", "/v1/admin/brands/nope", { white_label: null })).status).toBe(400);
    expect((await h.admin("PATCH", `/v1/admin/brands/${brand.id}`, {})).status).toBe(422);
  });

  it("POST /v1/admin/brands/{id}/users: 201 user without secrets; 409 on a taken email; 404 unknown brand; 422 bad role", async () => {
    const brand = await newBrand();
    const email = `Mixed-${randomUUID().slice(0, 6)}@Example.test`;
    const res = await h.admin("POST", `/v1/admin/brands/${brand.id}/users`, {
      email,
      name: "Pat",
      role: "manager",
      password: "correct horse battery",
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      object: "user",
      id: expect.any(String),
      brand_id: brand.id,
      email: email.toLowerCase(),
      name: "Pat",
      role: "manager",
      created_at: expect.any(String),
    });
    expect(res.text).not.toContain("argon2");
    const dup = await h.admin("POST", `/v1/admin/brands/${brand.id}/users`, { email, role: "member" });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe("conflict");
    const none = await h.admin("POST", `/v1/admin/brands/${randomUUID()}/users`, {
      email: "a@b.test",
      role: "member",
    });
    expect(none.status).toBe(404);
    for (const body of [
      { email: "a@b.test", role: "owner" },
      { email: "nope", role: "member" },
      { email: "a@b.test", role: "member", password: "short" },
    ]) {
      expect((await h.admin("POST", `/v1/admin/brands/${brand.id}/users`, body)).status).toBe(422);
    }
  });

  it("API keys: created once (201 {id, key}), usable, then revoked (204) and refused (401); 404 for unknown ids", async () => {
    const brand = await newBrand();
    const user = (
      await h.admin("POST", `/v1/admin/brands/${brand.id}/users`, {
        email: `k-${randomUUID().slice(0, 6)}@x.test`,
        role: "member",
      })
    ).json;
    const created = await h.admin("POST", `/v1/admin/users/${user.id}/api-keys`, { name: "ci" });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      object: "api_key",
      id: expect.any(String),
      key: expect.stringMatching(/^slk_[A-Za-z0-9_-]{43}$/),
      prefix: created.json.key.slice(0, 10),
      name: "ci",
      user_id: user.id,
      brand_id: brand.id,
      created_at: expect.any(String),
    });
    const noName = await h.admin("POST", `/v1/admin/users/${user.id}/api-keys`);
    expect(noName.status).toBe(201);
    expect(noName.json.name).toBeNull();

    expect((await h.request("GET", "/v1/shares", { key: created.json.key })).status).toBe(200);
    const revoked = await h.admin("DELETE", `/v1/admin/api-keys/${created.json.id}`);
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe("");
    expect((await h.request("GET", "/v1/shares", { key: created.json.key })).status).toBe(401);
    expect((await h.admin("DELETE", `/v1/admin/api-keys/${created.json.id}`)).status).toBe(204);
    expect((await h.request("GET", "/v1/shares", { key: noName.json.key })).status).toBe(200);

    expect((await h.admin("POST", `/v1/admin/users/${randomUUID()}/api-keys`, {})).status).toBe(404);
    expect((await h.admin("DELETE", `/v1/admin/api-keys/${randomUUID()}`)).status).toBe(404);
    expect((await h.admin("POST", `/v1/admin/users/${user.id}/api-keys`, { name: "" })).status).toBe(422);
  });

  it(`API keys: key ${MAX_ACTIVE_API_KEYS + 1} of a user is 400 validation_error with the reason; revoking one frees a slot`, async () => {
    const brand = await newBrand();
    const user = (
      await h.admin("POST", `/v1/admin/brands/${brand.id}/users`, {
        email: `cap-${randomUUID().slice(0, 6)}@x.test`,
        role: "member",
      })
    ).json;
    const path = `/v1/admin/users/${user.id}/api-keys`;
    const ids: string[] = [];
    for (let n = 0; n < MAX_ACTIVE_API_KEYS; n++) {
      const created = await h.admin("POST", path, { name: `key ${n}` });
      expect(created.status).toBe(201);
      ids.push(created.json.id);
    }
    const refused = await h.admin("POST", path, { name: "one too many" });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toEqual({
      code: "validation_error",
      message: expect.stringContaining(`at most ${MAX_ACTIVE_API_KEYS} active API keys`),
      details: { reason: "api_key_limit_reached", limit: MAX_ACTIVE_API_KEYS },
    });
    expect((await h.admin("DELETE", `/v1/admin/api-keys/${ids[0]}`)).status).toBe(204);
    expect((await h.admin("POST", path, { name: "after a revoke" })).status).toBe(201);
  });

  it("POST /v1/admin/brands/{id}/reports: 201; 400 for an author of another brand; 404 unknown brand; 422 bad rows", async () => {
    const t = await provisionTenant(h, 0);
    const other = await provisionTenant(h, 0);
    const completedAt = "2026-01-02T03:04:05.000Z";
    const body = {
      title: "Q1",
      created_by: t.manager.id,
      status: "completed",
      completed_at: completedAt,
      results: RESULTS,
    };
    const res = await h.admin("POST", `/v1/admin/brands/${t.brandId}/reports`, body);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      object: "report",
      brand_id: t.brandId,
      title: "Q1",
      status: "completed",
      completed_at: completedAt,
      results: RESULTS,
    });

    const foreignAuthor = await h.admin("POST", `/v1/admin/brands/${t.brandId}/reports`, {
      ...body,
      created_by: other.manager.id,
    });
    expect(foreignAuthor.status).toBe(400);
    expect(foreignAuthor.json.error.code).toBe("validation_error");
    expect((await h.admin("POST", `/v1/admin/brands/${randomUUID()}/reports`, body)).status).toBe(404);
    for (const bad of [
      { ...body, completed_at: undefined },
      { ...body, status: "done" },
      { ...body, results: [{ ...RESULTS[0], position: 0 }] },
      { ...body, results: [{ ...RESULTS[0], sentiment: "angry" }] },
      { ...body, created_by: "me" },
    ]) {
      const r = await h.admin("POST", `/v1/admin/brands/${t.brandId}/reports`, bad);
      expect(r.status).toBe(422);
    }
  });

  it("scheduled reports and runs: 201s; 404 for an unknown schedule; 422 for a completed run without completed_at", async () => {
    const t = await provisionTenant(h, 0);
    const schedule = await h.admin("POST", `/v1/admin/brands/${t.brandId}/scheduled-reports`, {
      name: "Daily",
      cadence: "daily",
      created_by: t.manager.id,
    });
    expect(schedule.status).toBe(201);
    expect(schedule.json).toMatchObject({
      object: "scheduled_report",
      name: "Daily",
      cadence: "daily",
      runs: [],
    });
    const run = await h.admin("POST", `/v1/admin/scheduled-reports/${schedule.json.id}/runs`, {
      status: "running",
      started_at: "2026-01-01T00:00:00Z",
      results: [],
    });
    expect(run.status).toBe(201);
    expect(run.json).toMatchObject({
      object: "report_run",
      scheduled_report_id: schedule.json.id,
      status: "running",
      completed_at: null,
    });
    expect(
      (
        await h.admin("POST", `/v1/admin/scheduled-reports/${randomUUID()}/runs`, {
          status: "running",
          started_at: "2026-01-01T00:00:00Z",
          results: [],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await h.admin("POST", `/v1/admin/scheduled-reports/${schedule.json.id}/runs`, {
          status: "completed",
          started_at: "2026-01-01T00:00:00Z",
          results: [],
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await h.admin("POST", `/v1/admin/brands/${t.brandId}/scheduled-reports`, {
          name: "x",
          cadence: "daily",
          created_by: randomUUID(),
        })
      ).status,
    ).toBe(400);
  });

  it("the admin token does not work as an API key", async () => {
    expect((await h.request("GET", "/v1/shares", { authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(
      401,
    );
    const t = await provisionTenant(h, 0);
    const m = await addUser(h, t.brandId, "member");
    expect((await h.request("GET", "/v1/shares", { key: m.key })).status).toBe(200);
  });
});
