import { randomUUID } from "node:crypto";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addReport,
  addSchedule,
  addUser,
  type Harness,
  type Member,
  provisionTenant,
  resourceBase,
  startHarness,
  type Tenant,
} from "../test-support/harness";
import { DAY, plusDays, provisionShareTenant, shareNamesFor } from "./report-shares.test-kit";

describe.each(testDatabaseKinds())("report and scheduled-report shares on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  describe.each(["report", "scheduled"] as const)("%s", (type) => {
    const { objectName } = shareNamesFor(type);
    let t: Tenant;
    let owner: Member;
    let teammate: Member;
    let base: string;

    beforeAll(async () => {
      ({ t, owner, teammate, base } = await provisionShareTenant(h, type));
    });

    const create = (member: Member, body?: unknown, path = base) =>
      h.request("POST", path, { key: member.key, body });
    const publicRead = (token: string) => h.request("GET", `/v1/shared/${token}`);

    describe("DELETE .../shares (revoke mine)", () => {
      it("204, then 204 again (idempotent), and the link is dead", async () => {
        const member = await addUser(h, t.brandId, "member");
        const share = (await create(member)).json;
        const first = await h.request("DELETE", base, { key: member.key });
        expect(first.status).toBe(204);
        expect(first.text).toBe("");
        expect(first.headers.get("x-correlation-id")).toBeTruthy();
        const second = await h.request("DELETE", base, { key: member.key });
        expect(second.status).toBe(204);
        expect((await publicRead(share.access_token)).status).toBe(404);
      });

      it("never touches a teammate's share", async () => {
        const a = await addUser(h, t.brandId, "member");
        const b = await addUser(h, t.brandId, "member");
        const theirs = (await create(b)).json;
        await create(a);
        expect((await h.request("DELETE", base, { key: a.key })).status).toBe(204);
        expect((await publicRead(theirs.access_token)).status).toBe(200);
      });

      it("a manager's revoke-mine leaves members' shares alone too", async () => {
        const member = await addUser(h, t.brandId, "member");
        const theirs = (await create(member)).json;
        expect((await h.request("DELETE", base, { key: t.manager.key })).status).toBe(204);
        expect((await publicRead(theirs.access_token)).status).toBe(200);
      });

      it("another brand's resource -> 404", async () => {
        const other = await provisionTenant(h, 1);
        expect(
          (await h.request("DELETE", `${resourceBase(other, type)}/shares`, { key: owner.key })).status,
        ).toBe(404);
      });
    });

    describe("PATCH .../shares/{share_id} (extend)", () => {
      it("resets expires_at to now + days, whatever remained", async () => {
        const member = await addUser(h, t.brandId, "member");
        const share = (await create(member, { expiration_days: 300 })).json;
        h.clock.advance(5 * DAY);
        const res = await h.request("PATCH", `${base}/${share.id}`, {
          key: member.key,
          body: { expiration_days: 1 },
        });
        expect(res.status).toBe(200);
        expect(res.json.id).toBe(share.id);
        expect(res.json.access_token).toBe(share.access_token);
        expect(res.json.expires_at).toBe(plusDays(h.clock.now(), 1));
        expect(res.json.is_existing).toBe(false);
        expect(res.json.object).toBe(objectName);
      });

      it("revives an expired share with the same token", async () => {
        const member = await addUser(h, t.brandId, "member");
        const share = (await create(member, { expiration_days: 1 })).json;
        h.clock.advance(2 * DAY);
        expect((await publicRead(share.access_token)).status).toBe(410);
        const res = await h.request("PATCH", `${base}/${share.id}`, {
          key: member.key,
          body: { expiration_days: 7 },
        });
        expect(res.status).toBe(200);
        expect((await publicRead(share.access_token)).status).toBe(200);
      });

      it("a teammate cannot extend (403), nor can a manager", async () => {
        const share = (await create(owner)).json;
        for (const caller of [teammate, t.manager]) {
          const res = await h.request("PATCH", `${base}/${share.id}`, {
            key: caller.key,
            body: { expiration_days: 5 },
          });
          expect(res.status).toBe(403);
          expect(res.json.error.code).toBe("forbidden");
        }
      });

      it("another brand -> 404; unknown share -> 404; share of another resource -> 404", async () => {
        const share = (await create(owner)).json;
        const other = await provisionTenant(h, 1);
        const outsider = other.members[0] as Member;
        const body = { expiration_days: 5 };
        expect((await h.request("PATCH", `${base}/${share.id}`, { key: outsider.key, body })).status).toBe(
          404,
        );
        expect((await h.request("PATCH", `${base}/${randomUUID()}`, { key: owner.key, body })).status).toBe(
          404,
        );
        const elsewhere =
          type === "report"
            ? `/v1/reports/${await addReport(h, t.brandId, t.manager.id)}`
            : `/v1/scheduled-reports/${await addSchedule(h, t.brandId, t.manager.id)}`;
        expect(
          (await h.request("PATCH", `${elsewhere}/shares/${share.id}`, { key: owner.key, body })).status,
        ).toBe(404);
      });

      it("validates the body (422) and the ids (400)", async () => {
        const share = (await create(owner)).json;
        for (const body of [
          {},
          { expiration_days: 0 },
          { expiration_days: 400 },
          { expiration_days: 5, rotate: true },
        ]) {
          const res = await h.request("PATCH", `${base}/${share.id}`, { key: owner.key, body });
          expect(res.status).toBe(422);
          expect(res.json.error.code).toBe("body_validation_error");
        }
        const bad = await h.request("PATCH", `${base}/nope`, {
          key: owner.key,
          body: { expiration_days: 5 },
        });
        expect(bad.status).toBe(400);
        expect(bad.json.error.details.errors[0].path).toBe("share_id");
      });
    });

    describe("DELETE .../shares/{share_id} (remove one)", () => {
      it("the owner removes it: 204, link dead, resource intact", async () => {
        const member = await addUser(h, t.brandId, "member");
        const share = (await create(member)).json;
        const res = await h.request("DELETE", `${base}/${share.id}`, { key: member.key });
        expect(res.status).toBe(204);
        expect((await publicRead(share.access_token)).status).toBe(404);
        const resource = await h.request("GET", resourceBase(t, type), { key: member.key });
        expect(resource.status).toBe(200);
      });

      it("a manager removes a teammate's share (204); a member cannot (403)", async () => {
        const member = await addUser(h, t.brandId, "member");
        const share = (await create(member)).json;
        const denied = await h.request("DELETE", `${base}/${share.id}`, { key: teammate.key });
        expect(denied.status).toBe(403);
        expect(denied.json.error.code).toBe("forbidden");
        expect((await h.request("DELETE", `${base}/${share.id}`, { key: t.manager.key })).status).toBe(204);
        expect((await publicRead(share.access_token)).status).toBe(404);
      });

      it("another brand's manager -> 404; unknown -> 404; non-UUID -> 400", async () => {
        const share = (await create(owner)).json;
        const other = await provisionTenant(h, 0);
        expect((await h.request("DELETE", `${base}/${share.id}`, { key: other.manager.key })).status).toBe(
          404,
        );
        expect((await h.request("DELETE", `${base}/${randomUUID()}`, { key: owner.key })).status).toBe(404);
        expect((await h.request("DELETE", `${base}/x`, { key: owner.key })).status).toBe(400);
      });
    });
  });
});
