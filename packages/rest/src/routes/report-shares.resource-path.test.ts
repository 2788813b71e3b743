import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addReport,
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  tokenOf,
} from "../test-support/harness";

/**
 * Core's extend and remove take a share id only; the route checks that the
 * share belongs to the resource its URL names. Under any other resource path
 * the share is not found, and nothing happens to it.
 */
describe.each(testDatabaseKinds())("a share addressed under a resource path, on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  const setup = async () => {
    const t = await provisionTenant(h);
    const owner = t.members[0] as Member;
    const created = await h.request("POST", `/v1/reports/${t.reportId}/shares`, { key: owner.key });
    expect(created.status).toBe(201);
    const otherReport = await addReport(h, t.brandId, t.manager.id);
    return { t, owner, share: created.json, otherReport };
  };

  it("PATCH under another report, or the same id as a scheduled report: 404, expiry untouched", async () => {
    const { t, owner, share, otherReport } = await setup();
    const body = { expiration_days: 5 };
    for (const path of [
      `/v1/reports/${otherReport}/shares/${share.id}`,
      `/v1/scheduled-reports/${t.reportId}/shares/${share.id}`,
      `/v1/scheduled-reports/${t.scheduleId}/shares/${share.id}`,
    ]) {
      const res = await h.request("PATCH", path, { key: owner.key, body });
      expect(res.status, path).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    const shown = await h.request("GET", `/v1/shared/${tokenOf(share)}`);
    expect(shown.json.expires_at).toBe(share.expires_at);
    const right = await h.request("PATCH", `/v1/reports/${t.reportId}/shares/${share.id}`, {
      key: owner.key,
      body,
    });
    expect(right.status).toBe(200);
  });

  it("DELETE under the wrong resource: 404 even for a manager, and the link keeps working", async () => {
    const { t, owner, share, otherReport } = await setup();
    for (const key of [owner.key, t.manager.key]) {
      const res = await h.request("DELETE", `/v1/reports/${otherReport}/shares/${share.id}`, { key });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect((await h.request("GET", `/v1/shared/${tokenOf(share)}`)).status).toBe(200);
    const removed = await h.request("DELETE", `/v1/reports/${t.reportId}/shares/${share.id}`, {
      key: t.manager.key,
    });
    expect(removed.status).toBe(204);
    expect((await h.request("GET", `/v1/shared/${tokenOf(share)}`)).status).toBe(404);
  });

  it("still answers forbidden, not not_found, to a teammate under the right path", async () => {
    const { t, share } = await setup();
    const teammate = t.members[1] as Member;
    const path = `/v1/reports/${t.reportId}/shares/${share.id}`;
    const patch = await h.request("PATCH", path, { key: teammate.key, body: { expiration_days: 5 } });
    expect(patch.status).toBe(403);
    expect((await h.request("DELETE", path, { key: teammate.key })).status).toBe(403);
  });
});
