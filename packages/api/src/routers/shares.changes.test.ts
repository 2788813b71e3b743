import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  backendKinds,
  DAY_MS,
  domainCodeOf,
  expectTRPCError,
  signedIn,
  useWorld,
} from "../test-support/harness";

describe.each(backendKinds())("shares router: changes to existing links (%s)", (kind) => {
  const t = useWorld(kind, "each");

  describe("extend", () => {
    it("lets the owner extend, anchored to now", async () => {
      const share = await t.alice.api.shares.createShare({ resource: t.reportRef, expiration_days: 30 });
      t.world.clock.advance(5 * DAY_MS);
      const extended = await t.alice.api.shares.extendShare({ share_id: share.id, expiration_days: 7 });
      expect(extended).toMatchObject({ id: share.id, access_token: share.access_token });
      expect(extended.expires_at).toBe("2025-03-22T09:00:00.000Z");
    });

    it("revives an expired share with the same token", async () => {
      const share = await t.alice.api.shares.createShare({ resource: t.reportRef, expiration_days: 1 });
      t.world.clock.advance(3 * DAY_MS);
      expect((await t.alice.api.shares.listMyShares({ status: "expired" })).items.map((s) => s.id)).toEqual([
        share.id,
      ]);
      const revived = await t.alice.api.shares.extendShare({ share_id: share.id, expiration_days: 1 });
      expect(revived).toMatchObject({ status: "active", access_token: share.access_token });
    });

    it("refuses teammates and managers with FORBIDDEN, other brands with NOT_FOUND", async () => {
      const share = await t.alice.api.shares.createShare({ resource: t.reportRef });
      for (const browser of [t.bob, t.manager]) {
        const error = await expectTRPCError(
          browser.api.shares.extendShare({ share_id: share.id, expiration_days: 3 }),
          "FORBIDDEN",
        );
        expect(domainCodeOf(error)).toBe("forbidden");
      }
      const outsider = await signedIn(t.world.services, t.world.other.user);
      const error = await expectTRPCError(
        outsider.api.shares.extendShare({ share_id: share.id, expiration_days: 3 }),
        "NOT_FOUND",
      );
      expect(domainCodeOf(error)).toBe("not_found");
    });

    it("validates expiration_days with core's rule (required, 1..365)", async () => {
      const share = await t.alice.api.shares.createShare({ resource: t.reportRef });
      await expectTRPCError(t.alice.api.shares.extendShare({ share_id: share.id } as never), "BAD_REQUEST");
      await expectTRPCError(
        t.alice.api.shares.extendShare({ share_id: share.id, expiration_days: 400 }),
        "BAD_REQUEST",
      );
    });
  });

  describe("revokeMine", () => {
    it("revokes only the caller's share, idempotently", async () => {
      await t.alice.api.shares.createShare({ resource: t.reportRef });
      const bobs = await t.bob.api.shares.createShare({ resource: t.reportRef });
      expect(await t.alice.api.shares.revokeMyShares(t.reportRef)).toEqual({ revoked: 1 });
      expect(await t.alice.api.shares.revokeMyShares(t.reportRef)).toEqual({ revoked: 0 });
      const { shares } = await t.bob.api.shares.listResourceShares(t.reportRef);
      expect(shares.map((s) => s.id)).toEqual([bobs.id]);
    });

    it("treats another brand's resource as NOT_FOUND", async () => {
      await expectTRPCError(
        t.alice.api.shares.revokeMyShares({ type: "report", id: t.world.other.reportId }),
        "NOT_FOUND",
      );
    });
  });

  describe("remove", () => {
    it("owner and manager may remove; a teammate may not", async () => {
      const alices = await t.alice.api.shares.createShare({ resource: t.reportRef });
      const bobs = await t.bob.api.shares.createShare({ resource: t.reportRef });

      const error = await expectTRPCError(t.bob.api.shares.removeShare({ share_id: alices.id }), "FORBIDDEN");
      expect(domainCodeOf(error)).toBe("forbidden");

      expect(await t.manager.api.shares.removeShare({ share_id: alices.id })).toEqual({
        shareId: alices.id,
        removed: true,
      });
      expect(await t.bob.api.shares.removeShare({ share_id: bobs.id })).toEqual({
        shareId: bobs.id,
        removed: true,
      });
      expect((await t.alice.api.shares.listResourceShares(t.reportRef)).activeCount).toBe(0);
      await expectTRPCError(t.bob.api.shares.removeShare({ share_id: bobs.id }), "NOT_FOUND");
    });

    it("treats another brand's share as NOT_FOUND, even for a manager", async () => {
      const outsider = await signedIn(t.world.services, t.world.other.user);
      const theirs = await outsider.api.shares.createShare({
        resource: { type: "report", id: t.world.other.reportId },
      });
      await expectTRPCError(t.manager.api.shares.removeShare({ share_id: theirs.id }), "NOT_FOUND");
      await expectTRPCError(
        t.manager.api.shares.listResourceShares({ type: "report", id: t.world.other.reportId }),
        "NOT_FOUND",
      );
      await expectTRPCError(
        t.manager.api.shares.createShare({ resource: { type: "report", id: t.world.other.reportId } }),
        "NOT_FOUND",
      );
    });
  });

  describe("cancel", () => {
    it("judges each id: cancelled, forbidden, not_found, in request order, duplicates once", async () => {
      const alices = await t.alice.api.shares.createShare({ resource: t.reportRef });
      const bobs = await t.bob.api.shares.createShare({ resource: t.reportRef });
      const outsider = await signedIn(t.world.services, t.world.other.user);
      const foreign = await outsider.api.shares.createShare({
        resource: { type: "report", id: t.world.other.reportId },
      });
      const unknown = randomUUID();

      const { results } = await t.alice.api.shares.cancelShares({
        share_ids: [bobs.id, alices.id, unknown, foreign.id, alices.id],
      });
      expect(results).toEqual([
        { share_id: bobs.id, status: "forbidden" },
        { share_id: alices.id, status: "cancelled" },
        { share_id: unknown, status: "not_found" },
        { share_id: foreign.id, status: "not_found" },
      ]);
      const { shares } = await t.manager.api.shares.listResourceShares(t.reportRef);
      expect(shares.map((s) => s.id)).toEqual([bobs.id]);

      expect((await t.manager.api.shares.cancelShares({ share_ids: [bobs.id] })).results).toEqual([
        { share_id: bobs.id, status: "cancelled" },
      ]);
    });

    it("rejects an empty list, more than 100 ids or a non-UUID with BAD_REQUEST", async () => {
      await expectTRPCError(t.alice.api.shares.cancelShares({ share_ids: [] }), "BAD_REQUEST");
      const many = Array.from({ length: 101 }, () => randomUUID());
      await expectTRPCError(t.alice.api.shares.cancelShares({ share_ids: many }), "BAD_REQUEST");
      const { body } = await t.alice.http("shares.cancelShares", { share_ids: ["not-a-uuid"] });
      expect(body.error?.data.domainCode).toBe("body_validation_error");
      expect(body.error?.data.details?.errors).toEqual([expect.objectContaining({ path: "share_ids.0" })]);
    });
  });

  it("writes audit events carrying the tRPC request id", async () => {
    const share = await t.alice.api.shares.createShare({ resource: t.reportRef });
    await t.alice.api.shares.createShare({ resource: t.reportRef });
    await t.alice.api.shares.extendShare({ share_id: share.id, expiration_days: 3 });
    await t.manager.api.shares.removeShare({ share_id: share.id });
    expect(t.world.events.map((e) => [e.type, e.shareId, e.actorId])).toEqual([
      ["created", share.id, t.world.alice.id],
      ["refreshed", share.id, t.world.alice.id],
      ["extended", share.id, t.world.alice.id],
      ["removed", share.id, t.world.manager.id],
    ]);
    const [created, refreshed, extended, removed] = t.world.events.map((e) => e.requestId);
    expect(t.alice.requestIds.slice(-3)).toEqual([created, refreshed, extended]);
    expect(t.manager.requestIds.at(-1)).toBe(removed);
  });
});
