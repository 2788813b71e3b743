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

const DAY = 86_400_000;

const expectPublicHeaders = (headers: Headers) => {
  expect(headers.get("cache-control")).toBe("no-store");
  expect(headers.get("referrer-policy")).toBe("no-referrer");
  expect(headers.get("x-robots-tag")).toBe("noindex, nofollow");
};

describe.each(testDatabaseKinds())("GET /v1/shared/{token} on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let member: Member;
  beforeAll(async () => {
    h = await startHarness(kind);
    t = await provisionTenant(h, 1);
    member = t.members[0] as Member;
  });
  afterAll(() => h.close());

  it("200: an allowlisted payload, with brand defaults merged under the share's override", async () => {
    await h.admin("PATCH", `/v1/admin/brands/${t.brandId}`, {
      white_label: {
        company_name: "Acme Corp",
        primary_color: "#AA0000",
        logo_url: "https://acme.test/logo.png",
      },
    });
    const share = (
      await h.request("POST", `/v1/reports/${t.reportId}/shares`, {
        key: member.key,
        body: { white_label_config: { primary_color: "#00BB00" } },
      })
    ).json;
    const res = await h.request("GET", `/v1/shared/${tokenOf(share)}`);
    expect(res.status).toBe(200);
    expectPublicHeaders(res.headers);
    expect(res.headers.get("ratelimit-limit")).toBe("100000");
    expect(Object.keys(res.json).sort()).toEqual([
      "expires_at",
      "share_type",
      "snapshot",
      "title",
      "white_label",
    ]);
    expect(res.json.share_type).toBe("report");
    expect(res.json.title).toBe("AI visibility, March");
    expect(res.json.expires_at).toBe(share.expires_at);
    expect(res.json.white_label).toEqual({
      company_name: "Acme Corp",
      logo_url: "https://acme.test/logo.png",
      primary_color: "#00BB00",
      hide_powered_by: false,
    });
    expect(res.json.snapshot.kind).toBe("report");
    expect(res.json.snapshot.summary).toEqual({
      total: 4,
      mentioned: 3,
      visibility_rate: 0.75,
      average_position: 1.5,
    });
    // Nothing that identifies people or tenants.
    const text = res.text;
    for (const secret of [t.brandId, member.id, member.email, t.manager.id, share.id, t.reportId]) {
      expect(text).not.toContain(secret);
    }
  });

  it("a scheduled-report share carries the run trend", async () => {
    const share = (
      await h.request("POST", `/v1/scheduled-reports/${t.scheduleId}/shares`, { key: member.key })
    ).json;
    const res = await h.request("GET", `/v1/shared/${tokenOf(share)}`);
    expect(res.status).toBe(200);
    expect(res.json.share_type).toBe("scheduled");
    expect(res.json.snapshot.kind).toBe("scheduled");
    expect(res.json.snapshot.run_count).toBe(1);
    expect(res.json.snapshot.trend).toHaveLength(1);
  });

  it("unknown, malformed or over-long tokens -> 404 not_found, with the public headers", async () => {
    for (const token of ["A".repeat(43), "short", "%E0%A4%A", "x".repeat(500)]) {
      const res = await h.request("GET", `/v1/shared/${token}`);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
      expectPublicHeaders(res.headers);
    }
  });

  it("expired -> 410 gone, with the public headers", async () => {
    const other = await provisionTenant(h, 1);
    const share = (
      await h.request("POST", `/v1/reports/${other.reportId}/shares`, {
        key: (other.members[0] as Member).key,
        body: { expiration_days: 2 },
      })
    ).json;
    h.clock.advance(3 * DAY);
    const res = await h.request("GET", `/v1/shared/${tokenOf(share)}`);
    expect(res.status).toBe(410);
    expect(res.json.error).toEqual({ code: "gone", message: expect.any(String) });
    expectPublicHeaders(res.headers);
  });

  it("needs no key, and ignores one", async () => {
    const share = (await h.request("POST", `/v1/reports/${t.reportId}/shares`, { key: member.key })).json;
    expect(
      (await h.request("GET", `/v1/shared/${tokenOf(share)}`, { authorization: "Bearer garbage" })).status,
    ).toBe(200);
  });

  it("another method on the public route -> 405 with Allow, still with the public headers", async () => {
    const res = await h.request("POST", `/v1/shared/${"A".repeat(43)}`, { body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(res.json.error.code).toBe("not_found");
    expect(res.json.error.details.allow).toEqual(["GET", "HEAD"]);
    expectPublicHeaders(res.headers);
  });
});
