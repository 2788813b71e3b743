import { randomUUID } from "node:crypto";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addReport,
  addSchedule,
  addUser,
  type Harness,
  type Member,
  PUBLIC_BASE_URL,
  provisionTenant,
  resourceBase,
  startHarness,
  type Tenant,
  tokenOf,
} from "../test-support/harness";
import { DAY, plusDays, provisionShareTenant, shareNamesFor } from "./report-shares.test-kit";

describe.each(testDatabaseKinds())("report and scheduled-report shares on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  describe.each(["report", "scheduled"] as const)("%s", (type) => {
    const { objectName, idField, otherIdField } = shareNamesFor(type);
    let t: Tenant;
    let owner: Member;
    let base: string;
    let resourceId: string;

    beforeAll(async () => {
      ({ t, owner, base, resourceId } = await provisionShareTenant(h, type));
    });

    const create = (member: Member, body?: unknown, path = base) =>
      h.request("POST", path, { key: member.key, body });
    const publicRead = (token: string) => h.request("GET", `/v1/shared/${token}`);

    describe(`POST .../shares`, () => {
      it("creates a share: 201 and the share object field by field", async () => {
        const member = await addUser(h, t.brandId, "member");
        const now = h.clock.now();
        const res = await create(member);
        expect(res.status).toBe(201);
        const share = res.json;
        expect(Object.keys(share).sort()).toEqual(
          [
            "object",
            "id",
            "share_type",
            idField,
            "brand_id",
            "owner_id",
            "access_token",
            "share_url",
            "created_at",
            "expires_at",
            "is_existing",
            "white_label_config",
            "paused_at",
            "has_password",
            "max_views",
            "views_remaining",
          ].sort(),
        );
        expect(share.object).toBe(objectName);
        expect(share.share_type).toBe(type);
        expect(share[idField]).toBe(resourceId);
        expect(share[otherIdField]).toBeUndefined();
        expect(share.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(share.brand_id).toBe(t.brandId);
        expect(share.owner_id).toBe(member.id);
        expect(share.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(share.share_url).toBe(`${PUBLIC_BASE_URL}/shared/${share.access_token}`);
        expect(share.created_at).toBe(now.toISOString());
        expect(share.expires_at).toBe(plusDays(now, 30));
        expect(share.is_existing).toBe(false);
        expect(share.white_label_config).toBeNull();
        expect(share).toMatchObject({
          paused_at: null,
          has_password: false,
          max_views: null,
          views_remaining: null,
        });
        expect(res.headers.get("ratelimit-limit")).toBe("100000");
        expect(res.headers.get("cache-control")).toBe("no-store");
      });

      it("second create refreshes: 200, is_existing true, same id and token, expiry kept", async () => {
        const member = await addUser(h, t.brandId, "member");
        const first = (await create(member, { expiration_days: 10 })).json;
        h.clock.advance(60_000);
        const again = await create(member);
        expect(again.status).toBe(200);
        expect(again.json.is_existing).toBe(true);
        expect(again.json.id).toBe(first.id);
        expect(again.json.access_token).toBe(first.access_token);
        expect(again.json.expires_at).toBe(first.expires_at);
        expect((await publicRead(first.access_token)).status).toBe(200);
      });

      it("a refresh with expiration_days re-anchors the expiry to now, and replaces white_label_config only if sent", async () => {
        const member = await addUser(h, t.brandId, "member");
        const wl = { company_name: "Acme", primary_color: "#112233" };
        await create(member, { white_label_config: wl });
        h.clock.advance(DAY);
        const res = await create(member, { expiration_days: 3 });
        expect(res.status).toBe(200);
        expect(res.json.expires_at).toBe(plusDays(h.clock.now(), 3));
        expect(res.json.white_label_config).toEqual(wl);
        const cleared = await create(member, { white_label_config: null });
        expect(cleared.json.white_label_config).toBeNull();
      });

      it("honours expiration_days and white_label_config on a new share", async () => {
        const member = await addUser(h, t.brandId, "member");
        const wl = {
          company_name: "Globex",
          logo_url: "https://cdn.example.test/logo.png",
          hide_powered_by: true,
        };
        const res = await create(member, { expiration_days: 365, white_label_config: wl });
        expect(res.status).toBe(201);
        expect(res.json.expires_at).toBe(plusDays(h.clock.now(), 365));
        expect(res.json.white_label_config).toEqual(wl);
      });

      it("rotate: 201, new id and token, and the old token answers 404 at once", async () => {
        const member = await addUser(h, t.brandId, "member");
        const old = (await create(member)).json;
        const rotated = await create(member, { rotate: true });
        expect(rotated.status).toBe(201);
        expect(rotated.json.is_existing).toBe(false);
        expect(rotated.json.id).not.toBe(old.id);
        expect(rotated.json.access_token).not.toBe(old.access_token);
        const dead = await publicRead(old.access_token);
        expect(dead.status).toBe(404);
        expect(dead.json.error.code).toBe("not_found");
        expect((await publicRead(rotated.json.access_token)).status).toBe(200);
      });

      it("an expired share of the caller's is replaced by a new one (201, new token)", async () => {
        const member = await addUser(h, t.brandId, "member");
        const old = (await create(member, { expiration_days: 1 })).json;
        h.clock.advance(2 * DAY);
        const res = await create(member);
        expect(res.status).toBe(201);
        expect(res.json.is_existing).toBe(false);
        expect(res.json.access_token).not.toBe(old.access_token);
      });

      it("unknown resource -> 404 not_found", async () => {
        const res = await create(
          owner,
          {},
          `${type === "report" ? "/v1/reports" : "/v1/scheduled-reports"}/${randomUUID()}/shares`,
        );
        expect(res.status).toBe(404);
        expect(res.json.error.code).toBe("not_found");
      });

      it("another brand's resource -> 404, never 403", async () => {
        const other = await provisionTenant(h, 1);
        const res = await create(owner, {}, `${resourceBase(other, type)}/shares`);
        expect(res.status).toBe(404);
        expect(res.json.error.code).toBe("not_found");
      });

      it("non-UUID resource id -> 400 validation_error with the parameter named", async () => {
        const prefix = type === "report" ? "/v1/reports" : "/v1/scheduled-reports";
        const res = await create(owner, {}, `${prefix}/not-a-uuid/shares`);
        expect(res.status).toBe(400);
        expect(res.json.error.code).toBe("validation_error");
        expect(res.json.error.details.errors[0].path).toBe(idField);
      });

      it("a resource that cannot be shared yet -> 409 conflict", async () => {
        const path =
          type === "report"
            ? `/v1/reports/${await addReport(h, t.brandId, t.manager.id, { status: "running", completed_at: undefined })}/shares`
            : `/v1/scheduled-reports/${await addSchedule(h, t.brandId, t.manager.id, 0)}/shares`;
        const res = await create(owner, {}, path);
        expect(res.status).toBe(409);
        expect(res.json.error.code).toBe("conflict");
      });

      it.each([
        ["not JSON", "{oops", ""],
        ["an unknown field", JSON.stringify({ expiration_days: 5, colour: "red" }), "colour"],
        ["expiration_days 0", JSON.stringify({ expiration_days: 0 }), "expiration_days"],
        ["expiration_days 366", JSON.stringify({ expiration_days: 366 }), "expiration_days"],
        ["expiration_days as a string", JSON.stringify({ expiration_days: "30" }), "expiration_days"],
        ["a fractional expiration_days", JSON.stringify({ expiration_days: 1.5 }), "expiration_days"],
        ["rotate not a boolean", JSON.stringify({ rotate: "yes" }), "rotate"],
        [
          "an http logo",
          JSON.stringify({ white_label_config: { logo_url: "http://x.test/l.png" } }),
          "white_label_config.logo_url",
        ],
        [
          "a bad colour",
          JSON.stringify({ white_label_config: { primary_color: "red" } }),
          "white_label_config.primary_color",
        ],
        ["an array body", "[]", ""],
      ])("body with %s -> 422 body_validation_error", async (_label, rawBody, path) => {
        const res = await h.request("POST", base, { key: owner.key, rawBody });
        expect(res.status).toBe(422);
        expect(res.json.error.code).toBe("body_validation_error");
        expect(res.json.error.details.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path })]),
        );
        for (const issue of res.json.error.details.errors) expect(typeof issue.message).toBe("string");
      });

      it("no API key -> 401 with WWW-Authenticate", async () => {
        const res = await h.request("POST", base);
        expect(res.status).toBe(401);
        expect(res.json.error.code).toBe("unauthorized");
        expect(res.headers.get("www-authenticate")).toContain("Bearer");
      });

      it("share_url comes from PUBLIC_BASE_URL, never from the Host header", async () => {
        const member = await addUser(h, t.brandId, "member");
        const res = await h.request("POST", base, {
          key: member.key,
          headers: { "x-forwarded-host": "evil.test" },
        });
        expect(res.json.share_url.startsWith(`${PUBLIC_BASE_URL}/shared/`)).toBe(true);
      });
    });

    describe("GET .../shares", () => {
      it("lists active shares, teammates' included without their tokens", async () => {
        const tenant = await provisionTenant(h);
        const [a, b] = tenant.members as [Member, Member];
        const path = `${resourceBase(tenant, type)}/shares`;
        const mine = (await create(a, {}, path)).json;
        h.clock.advance(1000);
        const theirs = (await create(b, {}, path)).json;
        const expired = await addUser(h, tenant.brandId, "member");
        await create(expired, { expiration_days: 1 }, path);
        h.clock.advance(2 * DAY);

        const res = await h.request("GET", path, { key: a.key });
        expect(res.status).toBe(200);
        expect(res.json.object).toBe("list");
        expect(res.json.has_more).toBe(false);
        expect(res.json.data.map((s: { id: string }) => s.id)).toEqual([theirs.id, mine.id]);
        const [teammateView, ownView] = res.json.data;
        expect(ownView.access_token).toBe(mine.access_token);
        expect(ownView.share_url).toBe(mine.share_url);
        expect(teammateView.access_token).toBeUndefined();
        expect(teammateView.share_url).toBeUndefined();
        expect(teammateView.owner_id).toBe(b.id);
        expect(teammateView.is_existing).toBe(false);
      });

      it("another brand's resource -> 404", async () => {
        const other = await provisionTenant(h, 1);
        const res = await h.request("GET", `${resourceBase(other, type)}/shares`, { key: owner.key });
        expect(res.status).toBe(404);
      });

      it("non-UUID id -> 400", async () => {
        const prefix = type === "report" ? "/v1/reports" : "/v1/scheduled-reports";
        expect((await h.request("GET", `${prefix}/123/shares`, { key: owner.key })).status).toBe(400);
      });
    });
  });

  it("the 51st active share on a resource -> 400 share_limit_reached, limit 50; a refresh still works", async () => {
    const t = await provisionTenant(h, 0);
    const path = `/v1/reports/${t.reportId}/shares`;
    const users: Member[] = [t.manager];
    while (users.length < 51) users.push(await addUser(h, t.brandId, "member"));
    for (const user of users.slice(0, 50)) {
      expect((await h.request("POST", path, { key: user.key })).status).toBe(201);
    }
    const refused = await h.request("POST", path, { key: (users[50] as Member).key });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("validation_error");
    expect(refused.json.error.details).toEqual({ reason: "share_limit_reached", limit: 50 });
    // Refreshing and rotating an existing share are not blocked by the cap.
    expect((await h.request("POST", path, { key: t.manager.key })).status).toBe(200);
    expect((await h.request("POST", path, { key: t.manager.key, body: { rotate: true } })).status).toBe(201);
    // Once a slot frees up, the 51st user gets in.
    expect((await h.request("DELETE", path, { key: (users[1] as Member).key })).status).toBe(204);
    expect((await h.request("POST", path, { key: (users[50] as Member).key })).status).toBe(201);
  });

  it("a share past expires_at answers 410 on the public route; a revoked one 404", async () => {
    const t = await provisionTenant(h, 1);
    const member = t.members[0] as Member;
    const share = (
      await h.request("POST", `/v1/reports/${t.reportId}/shares`, {
        key: member.key,
        body: { expiration_days: 1 },
      })
    ).json;
    h.clock.advance(DAY); // exactly at expires_at: still active
    expect((await h.request("GET", `/v1/shared/${tokenOf(share)}`)).status).toBe(200);
    h.clock.advance(1);
    const expired = await h.request("GET", `/v1/shared/${tokenOf(share)}`);
    expect(expired.status).toBe(410);
    expect(expired.json.error.code).toBe("gone");
    await h.request("DELETE", `/v1/reports/${t.reportId}/shares`, { key: member.key });
    expect((await h.request("GET", `/v1/shared/${tokenOf(share)}`)).status).toBe(404);
  });
});
