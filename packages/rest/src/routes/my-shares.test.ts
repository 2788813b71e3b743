import { randomUUID } from "node:crypto";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addReport,
  addUser,
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
  tokenOf,
} from "../test-support/harness";

const DAY = 86_400_000;

describe.each(testDatabaseKinds())("/v1/shares on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  const share = async (member: Member, path: string, body?: unknown) => {
    const res = await h.request("POST", path, { key: member.key, body });
    expect(res.status).toBe(201);
    return res.json;
  };

  describe("GET /v1/shares", () => {
    let t: Tenant;
    let me: Member;
    const mine: { id: string }[] = [];
    let expiredId: string;

    beforeAll(async () => {
      t = await provisionTenant(h, 2);
      me = t.members[0] as Member;
      // Five of mine, oldest first: a schedule share, three report shares, and one that expires.
      mine.push(await share(me, `/v1/scheduled-reports/${t.scheduleId}/shares`));
      for (let i = 0; i < 3; i += 1) {
        h.clock.advance(1000);
        mine.push(await share(me, `/v1/reports/${await addReport(h, t.brandId, t.manager.id)}/shares`));
      }
      h.clock.advance(1000);
      const expiring = await share(me, `/v1/reports/${t.reportId}/shares`, { expiration_days: 1 });
      expiredId = expiring.id;
      // A teammate's share never shows up in my list.
      await share(t.members[1] as Member, `/v1/reports/${t.reportId}/shares`);
      h.clock.advance(2 * DAY);
    });

    it("defaults to my active shares, newest first, with tokens", async () => {
      const res = await h.request("GET", "/v1/shares", { key: me.key });
      expect(res.status).toBe(200);
      expect(res.json.object).toBe("list");
      expect(res.json.has_more).toBe(false);
      expect(res.json.data.map((s: { id: string }) => s.id)).toEqual(mine.map((s) => s.id).reverse());
      for (const item of res.json.data) {
        expect(item.owner_id).toBe(me.id);
        expect(item.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      }
      expect(res.json.data.at(-1).object).toBe("scheduled_report.share");
      expect(res.json.data[0].object).toBe("report.share");
    });

    it("status=expired and status=all", async () => {
      const expired = await h.request("GET", "/v1/shares?status=expired", { key: me.key });
      expect(expired.json.data.map((s: { id: string }) => s.id)).toEqual([expiredId]);
      const all = await h.request("GET", "/v1/shares?status=all", { key: me.key });
      expect(all.json.data).toHaveLength(5);
      expect(all.json.data[0].id).toBe(expiredId);
    });

    it("paginates with limit and starting_after", async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 3; page += 1) {
        const query = `status=all&limit=2${cursor ? `&starting_after=${cursor}` : ""}`;
        const res = await h.request("GET", `/v1/shares?${query}`, { key: me.key });
        expect(res.status).toBe(200);
        seen.push(...res.json.data.map((s: { id: string }) => s.id));
        expect(res.json.has_more).toBe(page < 2);
        cursor = res.json.data.at(-1)?.id;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    });

    it.each([
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=abc", "limit"],
      ["status=revoked", "status"],
      ["starting_after=not-a-uuid", "starting_after"],
      ["colour=red", "colour"],
      ["limit=1&limit=2", "limit"],
    ])("?%s -> 400 validation_error naming %s", async (query, path) => {
      const res = await h.request("GET", `/v1/shares?${query}`, { key: me.key });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("validation_error");
      expect(res.json.error.details.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path })]),
      );
    });

    it("someone with no shares gets an empty list", async () => {
      const res = await h.request("GET", "/v1/shares", { key: t.manager.key });
      expect(res.json).toEqual({ object: "list", data: [], has_more: false });
    });

    it("without a key -> 401", async () => {
      expect((await h.request("GET", "/v1/shares")).status).toBe(401);
    });
  });

  describe("DELETE /v1/shares/{share_id}", () => {
    let t: Tenant;
    beforeAll(async () => {
      t = await provisionTenant(h, 2);
    });
    const report = () => `/v1/reports/${t.reportId}/shares`;

    it("the owner: 204, and the link answers 404 at once", async () => {
      const member = await addUser(h, t.brandId, "member");
      const s = await share(member, report());
      const res = await h.request("DELETE", `/v1/shares/${s.id}`, { key: member.key });
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect((await h.request("GET", `/v1/shared/${tokenOf(s)}`)).status).toBe(404);
      expect((await h.request("DELETE", `/v1/shares/${s.id}`, { key: member.key })).status).toBe(404);
    });

    it("a manager removes a teammate's share: 204", async () => {
      const member = await addUser(h, t.brandId, "member");
      const s = await share(member, report());
      expect((await h.request("DELETE", `/v1/shares/${s.id}`, { key: t.manager.key })).status).toBe(204);
    });

    it("a member cannot remove a teammate's: 403 forbidden", async () => {
      const member = await addUser(h, t.brandId, "member");
      const s = await share(member, report());
      const res = await h.request("DELETE", `/v1/shares/${s.id}`, { key: (t.members[0] as Member).key });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    });

    it("another brand's share -> 404 even for its manager; unknown -> 404; non-UUID -> 400", async () => {
      const member = await addUser(h, t.brandId, "member");
      const s = await share(member, report());
      const other = await provisionTenant(h, 0);
      expect((await h.request("DELETE", `/v1/shares/${s.id}`, { key: other.manager.key })).status).toBe(404);
      expect((await h.request("DELETE", `/v1/shares/${randomUUID()}`, { key: member.key })).status).toBe(404);
      const bad = await h.request("DELETE", "/v1/shares/12345", { key: member.key });
      expect(bad.status).toBe(400);
      expect(bad.json.error.details.errors[0].path).toBe("share_id");
    });

    it("an upper-case UUID names the same share", async () => {
      const member = await addUser(h, t.brandId, "member");
      const s = await share(member, report());
      expect(
        (await h.request("DELETE", `/v1/shares/${s.id.toUpperCase()}`, { key: member.key })).status,
      ).toBe(204);
    });
  });

  describe("POST /v1/shares/cancel", () => {
    it("judges each id like remove-one: own, teammate's, other brand's, unknown, duplicates", async () => {
      const t = await provisionTenant(h, 2);
      const [me, mate] = t.members as [Member, Member];
      const other = await provisionTenant(h, 1);
      const own = await share(me, `/v1/reports/${t.reportId}/shares`);
      const ownSchedule = await share(me, `/v1/scheduled-reports/${t.scheduleId}/shares`);
      const theirs = await share(mate, `/v1/reports/${t.reportId}/shares`);
      const foreign = await share(other.members[0] as Member, `/v1/reports/${other.reportId}/shares`);
      const unknown = randomUUID();

      const res = await h.request("POST", "/v1/shares/cancel", {
        key: me.key,
        body: { share_ids: [theirs.id, own.id, foreign.id, unknown, ownSchedule.id, own.id] },
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        object: "list",
        data: [
          { share_id: theirs.id, status: "forbidden" },
          { share_id: own.id, status: "cancelled" },
          { share_id: foreign.id, status: "not_found" },
          { share_id: unknown, status: "not_found" },
          { share_id: ownSchedule.id, status: "cancelled" },
        ],
      });
      expect((await h.request("GET", `/v1/shared/${tokenOf(own)}`)).status).toBe(404);
      expect((await h.request("GET", `/v1/shared/${tokenOf(ownSchedule)}`)).status).toBe(404);
      expect((await h.request("GET", `/v1/shared/${tokenOf(theirs)}`)).status).toBe(200);
      expect((await h.request("GET", `/v1/shared/${tokenOf(foreign)}`)).status).toBe(200);
    });

    it("a manager cancels teammates' shares", async () => {
      const t = await provisionTenant(h, 1);
      const s = await share(t.members[0] as Member, `/v1/reports/${t.reportId}/shares`);
      const res = await h.request("POST", "/v1/shares/cancel", {
        key: t.manager.key,
        body: { share_ids: [s.id] },
      });
      expect(res.json.data).toEqual([{ share_id: s.id, status: "cancelled" }]);
    });

    it.each([
      ["an empty array", { share_ids: [] }, "share_ids"],
      ["101 ids", { share_ids: Array.from({ length: 101 }, () => randomUUID()) }, "share_ids"],
      ["a non-UUID", { share_ids: [randomUUID(), "nope"] }, "share_ids.1"],
      ["no share_ids", {}, "share_ids"],
      ["an extra field", { share_ids: [randomUUID()], force: true }, "force"],
      ["share_ids not an array", { share_ids: randomUUID() }, "share_ids"],
    ])("%s -> 422 body_validation_error", async (_label, body, path) => {
      const t = await provisionTenant(h, 0);
      const res = await h.request("POST", "/v1/shares/cancel", { key: t.manager.key, body });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("body_validation_error");
      expect(res.json.error.details.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path })]),
      );
    });

    it("100 ids is fine", async () => {
      const t = await provisionTenant(h, 0);
      const ids = Array.from({ length: 100 }, () => randomUUID());
      const res = await h.request("POST", "/v1/shares/cancel", {
        key: t.manager.key,
        body: { share_ids: ids },
      });
      expect(res.status).toBe(200);
      expect(res.json.data).toHaveLength(100);
    });

    it("without a key -> 401", async () => {
      const res = await h.request("POST", "/v1/shares/cancel", { body: { share_ids: [randomUUID()] } });
      expect(res.status).toBe(401);
    });
  });
});
