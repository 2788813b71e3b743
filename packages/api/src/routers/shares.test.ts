import { createShare, createUser, type User } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import type { ShareItem } from "../present";
import {
  actorOf,
  backendKinds,
  DAY_MS,
  domainCodeOf,
  expectTRPCError,
  PASSWORD,
  PUBLIC_BASE_URL,
  signedIn,
  useWorld,
} from "../test-support/harness";

describe.each(backendKinds())("shares router: create and list (%s)", (kind) => {
  const t = useWorld(kind, "each");

  describe("create", () => {
    it("creates a share: token and link for the owner, 30 days by default", async () => {
      const share = await t.alice.api.shares.createShare({ resource: t.reportRef });
      expect(share).toMatchObject({
        share_type: "report",
        resource_id: t.world.report.id,
        title: "Q1 visibility",
        brand_id: t.world.brand.id,
        owner_id: t.world.alice.id,
        owner: { id: t.world.alice.id, email: t.world.alice.email, name: "Alice" },
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
      const first = await t.alice.api.shares.createShare({ resource: t.reportRef, expiration_days: 10 });
      t.world.clock.advance(DAY_MS);
      const again = await t.alice.api.shares.createShare({ resource: t.reportRef });
      expect(again).toMatchObject({ id: first.id, access_token: first.access_token, is_existing: true });
      expect(again.expires_at).toBe(first.expires_at);

      const wl = { company_name: "Acme Inc", primary_color: "#112233" };
      const extended = await t.alice.api.shares.createShare({
        resource: t.reportRef,
        expiration_days: 2,
        white_label_config: wl,
      });
      expect(extended).toMatchObject({ id: first.id, is_existing: true, white_label_config: wl });
      expect(extended.expires_at).toBe("2025-03-13T09:00:00.000Z");
    });

    it("rotates: new id and token, the old share is gone", async () => {
      const first = await t.alice.api.shares.createShare({ resource: t.reportRef });
      const rotated = await t.alice.api.shares.createShare({ resource: t.reportRef, rotate: true });
      expect(rotated.is_existing).toBe(false);
      expect(rotated.id).not.toBe(first.id);
      expect(rotated.access_token).not.toBe(first.access_token);
      const { shares } = await t.alice.api.shares.listResourceShares(t.reportRef);
      expect(shares.map((s) => s.id)).toEqual([rotated.id]);
      await expectTRPCError(
        t.alice.api.shares.extendShare({ share_id: first.id, expiration_days: 5 }),
        "NOT_FOUND",
      );
    });

    it("shares a scheduled report that has completed runs", async () => {
      const share = await t.bob.api.shares.createShare({
        resource: { type: "scheduled", id: t.world.schedule.id },
        expiration_days: 365,
      });
      expect(share).toMatchObject({
        share_type: "scheduled",
        resource_id: t.world.schedule.id,
        title: "Weekly pulse",
      });
      expect(share.expires_at).toBe("2026-03-10T09:00:00.000Z");
    });

    it("maps resource-state refusals to CONFLICT", async () => {
      const running = await expectTRPCError(
        t.alice.api.shares.createShare({ resource: { type: "report", id: t.world.runningReport.id } }),
        "CONFLICT",
      );
      expect(domainCodeOf(running)).toBe("conflict");
      await expectTRPCError(
        t.alice.api.shares.createShare({ resource: { type: "scheduled", id: t.world.emptySchedule.id } }),
        "CONFLICT",
      );
    });

    it("rejects out-of-range expiry and bad white label with BAD_REQUEST and field errors", async () => {
      for (const expiration_days of [0, 366, 1.5]) {
        const { status, body } = await t.alice.http("shares.createShare", {
          resource: t.reportRef,
          expiration_days,
        });
        expect(status).toBe(400);
        expect(body.error?.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "body_validation_error" });
        expect(body.error?.data.details?.errors).toEqual([
          expect.objectContaining({ path: "expiration_days", message: expect.any(String) }),
        ]);
      }
      const { body } = await t.alice.http("shares.createShare", {
        resource: t.reportRef,
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
        t.alice.api.shares.createShare({ resource: t.reportRef, unknown: true } as never),
        "BAD_REQUEST",
      );
      await expectTRPCError(
        t.alice.api.shares.createShare({ resource: { type: "report", id: "nope" } }),
        "BAD_REQUEST",
      );
    });

    it("enforces the 50-share cap across teammates: BAD_REQUEST + share_limit_reached", async () => {
      const p = t.world.services.provisioning;
      const teammates: User[] = [];
      for (let i = 0; i < 50; i += 1) {
        teammates.push(
          await createUser(p, t.world.brand.id, { email: `mate${i}.${t.world.alice.email}`, role: "member" }),
        );
      }
      for (const mate of teammates)
        await createShare(t.world.services.shares, actorOf(mate), t.reportRef, {});

      const error = await expectTRPCError(
        t.alice.api.shares.createShare({ resource: t.reportRef }),
        "BAD_REQUEST",
      );
      expect(domainCodeOf(error)).toBe("validation_error");
      const { status, body } = await t.alice.http("shares.createShare", { resource: t.reportRef });
      expect(status).toBe(400);
      expect(body.error?.data).toMatchObject({
        code: "BAD_REQUEST",
        domainCode: "validation_error",
        details: { reason: "share_limit_reached", limit: 50 },
      });

      const listed = await t.alice.api.shares.listResourceShares(t.reportRef);
      expect(listed.activeCount).toBe(50);
      expect(listed.limit).toBe(50);
    });
    it("holds the cap when teammates create at the same moment", async () => {
      const capped = {
        ...t.world.services,
        shares: { ...t.world.services.shares, activeSharesPerResource: 3 },
      };
      const p = t.world.services.provisioning;
      const browsers = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const mate = await createUser(p, t.world.brand.id, {
            email: `racer${i}.${t.world.alice.email}`,
            role: "member",
            password: PASSWORD,
          });
          return signedIn(capped, mate);
        }),
      );
      const outcomes = await Promise.allSettled(
        browsers.map((b) => b.api.shares.createShare({ resource: t.reportRef })),
      );
      const refused = outcomes.filter((o) => o.status === "rejected");
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
      expect(refused).toHaveLength(3);
      for (const o of refused) {
        const reason = (o as PromiseRejectedResult).reason;
        expect(reason).toMatchObject({ code: "BAD_REQUEST" });
        expect(reason.cause).toMatchObject({ details: { reason: "share_limit_reached", limit: 3 } });
      }
      expect(await browsers[0]?.api.shares.listResourceShares(t.reportRef)).toMatchObject({
        activeCount: 3,
        limit: 3,
      });
    });
  });

  describe("createShare with keep_settings", () => {
    const wl = { company_name: "Client Co", hide_powered_by: true };
    it("gives the new link the old one's expiry and branding", async () => {
      const first = await t.alice.api.shares.createShare({
        resource: t.reportRef,
        expiration_days: 200,
        white_label_config: wl,
      });
      t.world.clock.advance(5 * DAY_MS);
      const rotated = await t.alice.api.shares.createShare({
        resource: t.reportRef,
        rotate: true,
        keep_settings: true,
      });
      expect(rotated).toMatchObject({
        is_existing: false,
        expires_at: first.expires_at,
        white_label_config: wl,
        status: "active",
      });
      expect(rotated.id).not.toBe(first.id);
      expect(rotated.access_token).not.toBe(first.access_token);
    });

    it("without it, the rotated link starts from the defaults", async () => {
      await t.alice.api.shares.createShare({
        resource: t.reportRef,
        expiration_days: 200,
        white_label_config: wl,
      });
      t.world.clock.advance(5 * DAY_MS);
      const rotated = await t.alice.api.shares.createShare({ resource: t.reportRef, rotate: true });
      expect(rotated.white_label_config).toBeNull();
      expect(rotated.expires_at).toBe(new Date(t.world.clock.now().getTime() + 30 * DAY_MS).toISOString());
    });
  });

  describe("listResourceShares", () => {
    it("lists teammates' shares with owner and permissions, never their tokens", async () => {
      const mine = await t.alice.api.shares.createShare({ resource: t.reportRef });
      const bobs = await t.bob.api.shares.createShare({ resource: t.reportRef });

      const asAlice = await t.alice.api.shares.listResourceShares(t.reportRef);
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
        owner: { id: t.world.bob.id, email: t.world.bob.email, name: "Bob" },
      });
      expect(JSON.stringify(asAlice)).not.toContain(bobs.access_token);

      const asManager = await t.manager.api.shares.listResourceShares(t.reportRef);
      expect(asManager.shares.every((s) => s.can_remove && !s.is_mine && s.access_token === null)).toBe(true);
      const managerJson = JSON.stringify(asManager);
      expect(managerJson).not.toContain(mine.access_token);
      expect(managerJson).not.toContain(bobs.access_token);
    });

    it("takes owners, status and permissions from core's view: no lookup per owner", async () => {
      await t.bob.api.shares.createShare({ resource: t.reportRef });
      t.world.clock.advance(1000);
      await t.manager.api.shares.createShare({ resource: t.reportRef });
      const accounts = t.world.services.accounts.accounts;
      const findUser = accounts.findUser.bind(accounts);
      let lookups = 0;
      accounts.findUser = (id) => {
        lookups += 1;
        return findUser(id);
      };
      try {
        const { shares } = await t.alice.api.shares.listResourceShares(t.reportRef);
        expect(shares.map((s) => [s.owner?.name, s.status, s.is_mine, s.can_remove])).toEqual([
          ["Mia Manager", "active", false, false],
          ["Bob", "active", false, false],
        ]);
      } finally {
        accounts.findUser = findUser;
      }
      expect(lookups).toBe(0);
    });

    it("leaves expired shares out of the resource list", async () => {
      await t.alice.api.shares.createShare({ resource: t.reportRef, expiration_days: 1 });
      t.world.clock.advance(DAY_MS + 1);
      expect(await t.alice.api.shares.listResourceShares(t.reportRef)).toMatchObject({
        shares: [],
        activeCount: 0,
      });
    });
  });

  describe("mine", () => {
    it("pages through the caller's shares newest first with a cursor, filtered by status", async () => {
      const first = await t.alice.api.shares.createShare({ resource: t.reportRef, expiration_days: 1 });
      t.world.clock.advance(60_000);
      const second = await t.alice.api.shares.createShare({
        resource: { type: "scheduled", id: t.world.schedule.id },
      });
      await t.bob.api.shares.createShare({ resource: t.reportRef });

      const page1 = await t.alice.api.shares.listMyShares({ status: "all", limit: 1 });
      expect(page1.items.map((s) => s.id)).toEqual([second.id]);
      expect(page1).toMatchObject({ hasMore: true, nextCursor: second.id });
      // What useInfiniteQuery sends for the next page: the cursor plus direction "forward".
      const page2 = await t.alice.api.shares.listMyShares({
        status: "all",
        limit: 1,
        cursor: page1.nextCursor,
        direction: "forward",
      });
      expect(page2.items.map((s) => s.id)).toEqual([first.id]);
      expect(page2).toMatchObject({ hasMore: false, nextCursor: null });
      expect(page2.items[0]).toMatchObject({ access_token: first.access_token, share_url: first.share_url });

      t.world.clock.advance(2 * DAY_MS);
      const active = await t.alice.api.shares.listMyShares({});
      expect(active.items.map((s: ShareItem) => s.id)).toEqual([second.id]);
      const expired = await t.alice.api.shares.listMyShares({ status: "expired" });
      expect(expired.items.map((s) => [s.id, s.status])).toEqual([[first.id, "expired"]]);
    });
  });
});
