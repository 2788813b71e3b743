import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addUser,
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
  tokenOf,
} from "../test-support/harness";

describe.each(testDatabaseKinds())("POST /v1/shares/{id}/pause and /resume on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let owner: Member;
  beforeAll(async () => {
    h = await startHarness(kind);
    t = await provisionTenant(h, 2);
    owner = t.members[0] as Member;
  });
  afterAll(() => h.close());

  it("pause: 404 on the public route, paused_at in the share object; resume: same token answers again", async () => {
    const created = await h.request("POST", `/v1/reports/${t.reportId}/shares`, { key: owner.key });
    expect(created.json).toMatchObject({ paused_at: null, has_password: false, max_views: null });
    const token = tokenOf(created.json);

    const paused = await h.request("POST", `/v1/shares/${created.json.id}/pause`, { key: owner.key });
    expect(paused.status).toBe(200);
    expect(paused.json.paused_at).toBe(h.clock.now().toISOString());
    expect(paused.json.access_token).toBe(token);

    const hidden = await h.request("GET", `/v1/shared/${token}`);
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.code).toBe("not_found");

    // Still the caller's share, still listed (it keeps its place under the cap).
    const listed = await h.request("GET", `/v1/reports/${t.reportId}/shares`, { key: owner.key });
    expect(listed.json.data.map((s: { id: string }) => s.id)).toContain(created.json.id);

    const resumed = await h.request("POST", `/v1/shares/${created.json.id}/resume`, { key: owner.key });
    expect(resumed.status).toBe(200);
    expect(resumed.json.paused_at).toBeNull();
    expect((await h.request("GET", `/v1/shared/${token}`)).status).toBe(200);
  });

  it("a manager may pause a teammate's link; another member is 403; another brand 404", async () => {
    const created = await h.request("POST", `/v1/reports/${t.reportId}/shares`, {
      key: (t.members[1] as Member).key,
    });
    const path = `/v1/shares/${created.json.id}/pause`;
    const byMember = await h.request("POST", path, { key: owner.key });
    expect(byMember.status).toBe(403);
    expect(byMember.json.error.code).toBe("forbidden");

    const other = await provisionTenant(h, 0);
    expect((await h.request("POST", path, { key: other.manager.key })).status).toBe(404);

    const byManager = await h.request("POST", path, { key: t.manager.key });
    expect(byManager.status).toBe(200);
    expect(byManager.json.access_token).toBeUndefined();
    expect(byManager.json.paused_at).not.toBeNull();
  });

  it("unknown id is 404, a malformed id 400, no key 401", async () => {
    const outsider = await addUser(h, t.brandId, "member");
    expect(
      (await h.request("POST", `/v1/shares/${crypto.randomUUID()}/pause`, { key: outsider.key })).status,
    ).toBe(404);
    expect((await h.request("POST", "/v1/shares/nope/resume", { key: outsider.key })).status).toBe(400);
    expect((await h.request("POST", `/v1/shares/${crypto.randomUUID()}/pause`)).status).toBe(401);
  });
});
