import { randomUUID } from "node:crypto";
import { createShare, createUser, type User } from "@sharelinks/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShareItem } from "../../present";
import {
  actorOf,
  type Backend,
  type Browser,
  backendKinds,
  DAY_MS,
  domainCodeOf,
  expectTRPCError,
  openBackend,
  PASSWORD,
  PUBLIC_BASE_URL,
  seedWorld,
  signedIn,
  type World,
} from "../../test-support/harness";

describe.each(backendKinds())("shares router (%s)", (kind) => {
  let backend: Backend;
  let world: World;
  let alice: Browser;
  let bob: Browser;
  let manager: Browser;
  let reportRef: { type: "report"; id: string };

  beforeAll(async () => {
    backend = await openBackend(kind);
  });
  afterAll(() => backend.cleanup());

  beforeEach(async () => {
    world = await seedWorld(backend.services);
    [alice, bob, manager] = await Promise.all([
      signedIn(world.services, world.alice),
      signedIn(world.services, world.bob),
      signedIn(world.services, world.manager),
    ]);
    reportRef = { type: "report", id: world.report.id };
  });

  describe("create", () => {
    it("creates a share: token and link for the owner, 30 days by default", async () => {
      const share = await alice.api.shares.create({ resource: reportRef });
      expect(share).toMatchObject({
        share_type: "report",
        resource_id: world.report.id,
        title: "Q1 visibility",
        brand_id: world.brand.id,
        owner_id: world.alice.id,
        owner: { id: world.alice.id, email: world.alice.email, name: "Alice" },
        is_mine: true,
        can_remove: true,
        status: "active",
        is_existing: false,
        white_label_config: null,
        created_at: "2025-03-10T09:00:00.000Z",
        expires_at: "2025-04-09T09:00:00.000Z",
      });
      expect(share.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(share.share_url).toBe(`${PUBLIC_BASE_URL}/shared/${share.access_token}`);
    });

    it("refreshes the caller's active share: same id and token, expiry kept unless sent", async () => {
      const first = await alice.api.shares.create({ resource: reportRef, expiration_days: 10 });
      world.clock.advance(DAY_MS);
      const again = await alice.api.shares.create({ resource: reportRef });
      expect(again).toMatchObject({ id: first.id, access_token: first.access_token, is_existing: true });
      expect(again.expires_at).toBe(first.expires_at);

      const wl = { company_name: "Acme Inc", primary_color: "#112233" };
      const extended = await alice.api.shares.create({
        resource: reportRef,
        expiration_days: 2,
        white_label_config: wl,
      });
      expect(extended).toMatchObject({ id: first.id, is_existing: true, white_label_config: wl });
      expect(extended.expires_at).toBe("2025-03-13T09:00:00.000Z");
    });

    it("rotates: new id and token, the old share is gone", async () => {
      const first = await alice.api.shares.create({ resource: reportRef });
      const rotated = await alice.api.shares.create({ resource: reportRef, rotate: true });
      expect(rotated.is_existing).toBe(false);
      expect(rotated.id).not.toBe(first.id);
      expect(rotated.access_token).not.toBe(first.access_token);
      const { shares } = await alice.api.shares.forResource(reportRef);
      expect(shares.map((s) => s.id)).toEqual([rotated.id]);
      await expectTRPCError(alice.api.shares.extend({ share_id: first.id, expiration_days: 5 }), "NOT_FOUND");
    });

    it("shares a scheduled report that has completed runs", async () => {
      const share = await bob.api.shares.create({
        resource: { type: "scheduled", id: world.schedule.id },
        expiration_days: 365,
      });
      expect(share).toMatchObject({
        share_type: "scheduled",
        resource_id: world.schedule.id,
        title: "Weekly pulse",
      });
      expect(share.expires_at).toBe("2026-03-10T09:00:00.000Z");
    });

    it("maps resource-state refusals to CONFLICT", async () => {
      const running = await expectTRPCError(
        alice.api.shares.create({ resource: { type: "report", id: world.runningReport.id } }),
        "CONFLICT",
      );
      expect(domainCodeOf(running)).toBe("conflict");
      await expectTRPCError(
        alice.api.shares.create({ resource: { type: "scheduled", id: world.emptySchedule.id } }),
        "CONFLICT",
      );
    });

    it("rejects out-of-range expiry and bad white label with BAD_REQUEST and field errors", async () => {
      for (const expiration_days of [0, 366, 1.5]) {
        const { status, body } = await alice.http("shares.create", { resource: reportRef, expiration_days });
        expect(status).toBe(400);
        expect(body.error?.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "body_validation_error" });
        expect(body.error?.data.details?.errors).toEqual([
          expect.objectContaining({ path: "expiration_days", message: expect.any(String) }),
        ]);
      }
      const { body } = await alice.http("shares.create", {
        resource: reportRef,
        white_label_config: { logo_url: "http://insecure.example/logo.png", primary_color: "red" },
      });
      const issues = body.error?.data.details?.errors as Array<{ path: string; message: string }>;
      expect(issues).toEqual(
        expect.arrayContaining([
          { path: "white_label_config.logo_url", message: "logo_url must be an https URL" },
          { path: "white_label_config.primary_color", message: "primary_color must look like #RRGGBB" },
        ]),
      );
      await expectTRPCError(
        alice.api.shares.create({ resource: reportRef, unknown: true } as never),
        "BAD_REQUEST",
      );
      await expectTRPCError(
        alice.api.shares.create({ resource: { type: "report", id: "nope" } }),
        "BAD_REQUEST",
      );
    });

    it("enforces the 50-share cap across teammates: BAD_REQUEST + share_limit_reached", async () => {
      const p = world.services.provisioning;
      const teammates: User[] = [];
      for (let i = 0; i < 50; i += 1) {
        teammates.push(
          await createUser(p, world.brand.id, { email: `mate${i}.${world.alice.email}`, role: "member" }),
        );
      }
      for (const mate of teammates) await createShare(world.services.shares, actorOf(mate), reportRef, {});

      const error = await expectTRPCError(alice.api.shares.create({ resource: reportRef }), "BAD_REQUEST");
      expect(domainCodeOf(error)).toBe("validation_error");
      const { status, body } = await alice.http("shares.create", { resource: reportRef });
      expect(status).toBe(400);
      expect(body.error?.data).toMatchObject({
        code: "BAD_REQUEST",
        domainCode: "validation_error",
        details: { reason: "share_limit_reached", limit: 50 },
      });

      const listed = await alice.api.shares.forResource(reportRef);
      expect(listed.activeCount).toBe(50);
      expect(listed.limit).toBe(50);
    });
    it("holds the cap when teammates create at the same moment", async () => {
      const capped = { ...world.services, shares: { ...world.services.shares, activeSharesPerResource: 3 } };
      const p = world.services.provisioning;
      const browsers = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const mate = await createUser(p, world.brand.id, {
            email: `racer${i}.${world.alice.email}`,
            role: "member",
            password: PASSWORD,
          });
          return signedIn(capped, mate);
        }),
      );
      const outcomes = await Promise.allSettled(
        browsers.map((b) => b.api.shares.create({ resource: reportRef })),
      );
      const refused = outcomes.filter((o) => o.status === "rejected");
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
      expect(refused).toHaveLength(3);
      for (const o of refused) {
        const reason = (o as PromiseRejectedResult).reason;
        expect(reason).toMatchObject({ code: "BAD_REQUEST" });
        expect(reason.cause).toMatchObject({ details: { reason: "share_limit_reached", limit: 3 } });
      }
      expect(await browsers[0]?.api.shares.forResource(reportRef)).toMatchObject({
        activeCount: 3,
        limit: 3,
      });
    });
  });

  describe("forResource", () => {
    it("lists teammates' shares with owner and permissions, never their tokens", async () => {
      const mine = await alice.api.shares.create({ resource: reportRef });
      const bobs = await bob.api.shares.create({ resource: reportRef });

      const asAlice = await alice.api.shares.forResource(reportRef);
      expect(asAlice.activeCount).toBe(2);
      expect(asAlice.limit).toBe(50);
      const byId = new Map(asAlice.shares.map((s) => [s.id, s]));
      expect(byId.get(mine.id)).toMatchObject({
        is_mine: true,
        can_remove: true,
        access_token: mine.access_token,
      });
      expect(byId.get(bobs.id)).toMatchObject({
        is_mine: false,
        can_remove: false,
        access_token: null,
        share_url: null,
        owner: { id: world.bob.id, email: world.bob.email, name: "Bob" },
      });
      expect(JSON.stringify(asAlice)).not.toContain(bobs.access_token);

      const asManager = await manager.api.shares.forResource(reportRef);
      expect(asManager.shares.every((s) => s.can_remove && !s.is_mine && s.access_token === null)).toBe(true);
      const managerJson = JSON.stringify(asManager);
      expect(managerJson).not.toContain(mine.access_token);
      expect(managerJson).not.toContain(bobs.access_token);
    });

    it("leaves expired shares out of the resource list", async () => {
      await alice.api.shares.create({ resource: reportRef, expiration_days: 1 });
      world.clock.advance(DAY_MS + 1);
      expect(await alice.api.shares.forResource(reportRef)).toMatchObject({ shares: [], activeCount: 0 });
    });
  });

  describe("extend", () => {
    it("lets the owner extend, anchored to now", async () => {
      const share = await alice.api.shares.create({ resource: reportRef, expiration_days: 30 });
      world.clock.advance(5 * DAY_MS);
      const extended = await alice.api.shares.extend({ share_id: share.id, expiration_days: 7 });
      expect(extended).toMatchObject({ id: share.id, access_token: share.access_token });
      expect(extended.expires_at).toBe("2025-03-22T09:00:00.000Z");
    });

    it("revives an expired share with the same token", async () => {
      const share = await alice.api.shares.create({ resource: reportRef, expiration_days: 1 });
      world.clock.advance(3 * DAY_MS);
      expect((await alice.api.shares.mine({ status: "expired" })).items.map((s) => s.id)).toEqual([share.id]);
      const revived = await alice.api.shares.extend({ share_id: share.id, expiration_days: 1 });
      expect(revived).toMatchObject({ status: "active", access_token: share.access_token });
    });

    it("refuses teammates and managers with FORBIDDEN, other brands with NOT_FOUND", async () => {
      const share = await alice.api.shares.create({ resource: reportRef });
      for (const browser of [bob, manager]) {
        const error = await expectTRPCError(
          browser.api.shares.extend({ share_id: share.id, expiration_days: 3 }),
          "FORBIDDEN",
        );
        expect(domainCodeOf(error)).toBe("forbidden");
      }
      const outsider = await signedIn(world.services, world.other.user);
      const error = await expectTRPCError(
        outsider.api.shares.extend({ share_id: share.id, expiration_days: 3 }),
        "NOT_FOUND",
      );
      expect(domainCodeOf(error)).toBe("not_found");
    });

    it("validates expiration_days with core's rule (required, 1..365)", async () => {
      const share = await alice.api.shares.create({ resource: reportRef });
      await expectTRPCError(alice.api.shares.extend({ share_id: share.id } as never), "BAD_REQUEST");
      await expectTRPCError(
        alice.api.shares.extend({ share_id: share.id, expiration_days: 400 }),
        "BAD_REQUEST",
      );
    });
  });

  describe("revokeMine", () => {
    it("revokes only the caller's share, idempotently", async () => {
      await alice.api.shares.create({ resource: reportRef });
      const bobs = await bob.api.shares.create({ resource: reportRef });
      expect(await alice.api.shares.revokeMine(reportRef)).toEqual({ revoked: 1 });
      expect(await alice.api.shares.revokeMine(reportRef)).toEqual({ revoked: 0 });
      const { shares } = await bob.api.shares.forResource(reportRef);
      expect(shares.map((s) => s.id)).toEqual([bobs.id]);
    });

    it("treats another brand's resource as NOT_FOUND", async () => {
      await expectTRPCError(
        alice.api.shares.revokeMine({ type: "report", id: world.other.reportId }),
        "NOT_FOUND",
      );
    });
  });

  describe("remove", () => {
    it("owner and manager may remove; a teammate may not", async () => {
      const alices = await alice.api.shares.create({ resource: reportRef });
      const bobs = await bob.api.shares.create({ resource: reportRef });

      const error = await expectTRPCError(bob.api.shares.remove({ share_id: alices.id }), "FORBIDDEN");
      expect(domainCodeOf(error)).toBe("forbidden");

      expect(await manager.api.shares.remove({ share_id: alices.id })).toEqual({
        shareId: alices.id,
        removed: true,
      });
      expect(await bob.api.shares.remove({ share_id: bobs.id })).toEqual({ shareId: bobs.id, removed: true });
      expect((await alice.api.shares.forResource(reportRef)).activeCount).toBe(0);
      await expectTRPCError(bob.api.shares.remove({ share_id: bobs.id }), "NOT_FOUND");
    });

    it("treats another brand's share as NOT_FOUND, even for a manager", async () => {
      const outsider = await signedIn(world.services, world.other.user);
      const theirs = await outsider.api.shares.create({
        resource: { type: "report", id: world.other.reportId },
      });
      await expectTRPCError(manager.api.shares.remove({ share_id: theirs.id }), "NOT_FOUND");
      await expectTRPCError(
        manager.api.shares.forResource({ type: "report", id: world.other.reportId }),
        "NOT_FOUND",
      );
      await expectTRPCError(
        manager.api.shares.create({ resource: { type: "report", id: world.other.reportId } }),
        "NOT_FOUND",
      );
    });
  });

  describe("cancel", () => {
    it("judges each id: cancelled, forbidden, not_found, in request order, duplicates once", async () => {
      const alices = await alice.api.shares.create({ resource: reportRef });
      const bobs = await bob.api.shares.create({ resource: reportRef });
      const outsider = await signedIn(world.services, world.other.user);
      const foreign = await outsider.api.shares.create({
        resource: { type: "report", id: world.other.reportId },
      });
      const unknown = randomUUID();

      const { results } = await alice.api.shares.cancel({
        share_ids: [bobs.id, alices.id, unknown, foreign.id, alices.id],
      });
      expect(results).toEqual([
        { share_id: bobs.id, status: "forbidden" },
        { share_id: alices.id, status: "cancelled" },
        { share_id: unknown, status: "not_found" },
        { share_id: foreign.id, status: "not_found" },
      ]);
      const { shares } = await manager.api.shares.forResource(reportRef);
      expect(shares.map((s) => s.id)).toEqual([bobs.id]);

      expect((await manager.api.shares.cancel({ share_ids: [bobs.id] })).results).toEqual([
        { share_id: bobs.id, status: "cancelled" },
      ]);
    });

    it("rejects an empty list, more than 100 ids or a non-UUID with BAD_REQUEST", async () => {
      await expectTRPCError(alice.api.shares.cancel({ share_ids: [] }), "BAD_REQUEST");
      const many = Array.from({ length: 101 }, () => randomUUID());
      await expectTRPCError(alice.api.shares.cancel({ share_ids: many }), "BAD_REQUEST");
      const { body } = await alice.http("shares.cancel", { share_ids: ["not-a-uuid"] });
      expect(body.error?.data.domainCode).toBe("body_validation_error");
      expect(body.error?.data.details?.errors).toEqual([expect.objectContaining({ path: "share_ids.0" })]);
    });
  });

  describe("mine", () => {
    it("pages through the caller's shares newest first with a cursor, filtered by status", async () => {
      const first = await alice.api.shares.create({ resource: reportRef, expiration_days: 1 });
      world.clock.advance(60_000);
      const second = await alice.api.shares.create({
        resource: { type: "scheduled", id: world.schedule.id },
      });
      await bob.api.shares.create({ resource: reportRef });

      const page1 = await alice.api.shares.mine({ status: "all", limit: 1 });
      expect(page1.items.map((s) => s.id)).toEqual([second.id]);
      expect(page1).toMatchObject({ hasMore: true, nextCursor: second.id });
      // What useInfiniteQuery sends for the next page: the cursor plus direction "forward".
      const page2 = await alice.api.shares.mine({
        status: "all",
        limit: 1,
        cursor: page1.nextCursor,
        direction: "forward",
      });
      expect(page2.items.map((s) => s.id)).toEqual([first.id]);
      expect(page2).toMatchObject({ hasMore: false, nextCursor: null });
      expect(page2.items[0]).toMatchObject({ access_token: first.access_token, share_url: first.share_url });

      world.clock.advance(2 * DAY_MS);
      const active = await alice.api.shares.mine({});
      expect(active.items.map((s: ShareItem) => s.id)).toEqual([second.id]);
      const expired = await alice.api.shares.mine({ status: "expired" });
      expect(expired.items.map((s) => [s.id, s.status])).toEqual([[first.id, "expired"]]);
    });
  });

  it("writes audit events carrying the tRPC request id", async () => {
    const share = await alice.api.shares.create({ resource: reportRef });
    await alice.api.shares.create({ resource: reportRef });
    await alice.api.shares.extend({ share_id: share.id, expiration_days: 3 });
    await manager.api.shares.remove({ share_id: share.id });
    expect(world.events.map((e) => [e.type, e.shareId, e.actorId])).toEqual([
      ["created", share.id, world.alice.id],
      ["refreshed", share.id, world.alice.id],
      ["extended", share.id, world.alice.id],
      ["removed", share.id, world.manager.id],
    ]);
    const [created, refreshed, extended, removed] = world.events.map((e) => e.requestId);
    expect(alice.requestIds.slice(-3)).toEqual([created, refreshed, extended]);
    expect(manager.requestIds.at(-1)).toBe(removed);
  });
});
