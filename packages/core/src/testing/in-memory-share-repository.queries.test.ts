import { describe, expect, it } from "vitest";
import type { ResourceRef } from "../shares/share";
import { buildActor, buildShare } from "./fixtures";
import {
  acme,
  alice,
  at,
  bob,
  globex,
  ids,
  insertAll,
  otherReport,
  report,
  setup,
} from "./in-memory-share-repository.test-kit";

describe("in-memory share repository: queries", () => {
  const t0 = at("2025-03-10T09:00:00.000Z");
  const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

  it("counts only active shares of the resource, up to and including the expiry instant", async () => {
    const repo = setup();
    const carol = buildActor(acme);
    await insertAll(repo, [
      buildShare(alice, report, { expiresAt: minutes(10) }),
      buildShare(bob, report, { expiresAt: minutes(5) }),
      buildShare(carol, otherReport, { expiresAt: minutes(10) }),
    ]);
    const count = (now: Date) =>
      repo.transaction(async (tx) => {
        await tx.lockResource(report);
        return tx.countActive(report, now);
      });
    expect(await count(minutes(5))).toBe(2);
    expect(await count(new Date(minutes(5).getTime() + 1))).toBe(1);
    expect(await count(minutes(11))).toBe(0);
  });

  it("finds the caller's share on a resource", async () => {
    const repo = setup();
    const share = buildShare(alice, report);
    await insertAll(repo, [share, buildShare(bob, otherReport)]);
    const [mine, none] = await repo.transaction(async (tx) => [
      await tx.findOwned(alice.userId, report),
      await tx.findOwned(alice.userId, otherReport),
    ]);
    expect(mine?.id).toBe(share.id);
    expect(none).toBeNull();
  });

  it("lists a resource's active shares newest first", async () => {
    const repo = setup();
    const carol = buildActor(acme);
    const old = buildShare(alice, report, { createdAt: minutes(0) });
    const newer = buildShare(bob, report, { createdAt: minutes(1) });
    const expired = buildShare(carol, report, { createdAt: minutes(2), expiresAt: minutes(3) });
    await insertAll(repo, [old, newer, expired, buildShare(alice, otherReport)]);
    const listed = await repo.listActiveByResource(report, minutes(4));
    expect(listed.map((s) => s.id)).toEqual([newer.id, old.id]);
  });

  it("reads a public record with the brand's name and white label", async () => {
    const repo = setup();
    const share = buildShare(alice, report, { whiteLabel: { company_name: "Client Co" } });
    await insertAll(repo, [share]);
    const record = await repo.findPublicByTokenHash(share.tokenHash);
    expect(record).toEqual({
      shareId: share.id,
      version: expect.any(String),
      resourceType: "report",
      snapshot: share.snapshot,
      whiteLabel: { company_name: "Client Co" },
      brandName: "Acme",
      brandWhiteLabel: { primary_color: "#112233" },
      expiresAt: share.expiresAt,
      pausedAt: null,
      passwordHash: null,
      maxViews: null,
      viewsUsed: 0,
    });
    expect(await repo.findPublicByTokenHash("no-such-hash")).toBeNull();
    // The version moves with the row, as the database's row versions do.
    expect((await repo.findPublicByTokenHash(share.tokenHash))?.version).toBe(record?.version);
    await repo.transaction((tx) =>
      tx.update({ ...share, expiresAt: new Date(share.expiresAt.getTime() + 1) }),
    );
    expect((await repo.findPublicByTokenHash(share.tokenHash))?.version).not.toBe(record?.version);
  });

  describe("listByOwner", () => {
    // Five of alice's shares: three at the same instant so the id breaks the tie.
    const seed = async () => {
      const repo = setup();
      const resources = Array.from({ length: 5 }, () => ({ type: "report", id: ids.uuid() }) as ResourceRef);
      const shares = [
        buildShare(alice, resources[0]!, { createdAt: minutes(0) }),
        buildShare(alice, resources[1]!, { createdAt: minutes(1), expiresAt: minutes(2) }),
        buildShare(alice, resources[2]!, { createdAt: minutes(3) }),
        buildShare(alice, resources[3]!, { createdAt: minutes(3) }),
        buildShare(alice, resources[4]!, { createdAt: minutes(3), expiresAt: minutes(4) }),
      ];
      const noise = [
        buildShare(bob, resources[0]!, { createdAt: minutes(9) }),
        buildShare({ userId: alice.userId, brandId: globex.id }, { type: "report", id: ids.uuid() }),
      ];
      await insertAll(repo, [...shares, ...noise]);
      const [s0, s1, s2, s3, s4] = shares.map((s) => s.id) as [string, string, string, string, string];
      return { repo, s0, s1, s2, s3, s4 };
    };
    const query = (
      status: "active" | "expired" | "all",
      limit = 10,
      startingAfter: string | null = null,
    ) => ({
      ownerId: alice.userId,
      brandId: acme.id,
      status,
      limit,
      startingAfter,
      now: minutes(5),
    });

    it("orders by created_at then id, newest first, within the owner's brand", async () => {
      const { repo, s0, s1, s2, s3, s4 } = await seed();
      const page = await repo.listByOwner(query("all"));
      expect(page.items.map((s) => s.id)).toEqual([s4, s3, s2, s1, s0]);
      expect(page.hasMore).toBe(false);
    });

    it("filters by status", async () => {
      const { repo, s0, s1, s2, s3, s4 } = await seed();
      expect((await repo.listByOwner(query("active"))).items.map((s) => s.id)).toEqual([s3, s2, s0]);
      expect((await repo.listByOwner(query("expired"))).items.map((s) => s.id)).toEqual([s4, s1]);
    });

    it("pages with a cursor and says when more remain", async () => {
      const { repo, s0, s1, s2, s3, s4 } = await seed();
      const first = await repo.listByOwner(query("all", 2));
      expect(first).toMatchObject({ hasMore: true });
      expect(first.items.map((s) => s.id)).toEqual([s4, s3]);
      const second = await repo.listByOwner(query("all", 2, s3));
      expect(second.items.map((s) => s.id)).toEqual([s2, s1]);
      expect(second.hasMore).toBe(true);
      const third = await repo.listByOwner(query("all", 2, s1));
      expect(third.items.map((s) => s.id)).toEqual([s0]);
      expect(third.hasMore).toBe(false);
    });

    it("reports no more when the page is exactly full", async () => {
      const { repo } = await seed();
      expect((await repo.listByOwner(query("active", 3))).hasMore).toBe(false);
      expect((await repo.listByOwner(query("active", 2))).hasMore).toBe(true);
    });

    it("applies the status filter after the cursor, whatever the cursor's own status", async () => {
      const { repo, s0, s2, s4 } = await seed();
      expect((await repo.listByOwner(query("active", 10, s4))).items.map((s) => s.id).includes(s2)).toBe(
        true,
      );
      expect((await repo.listByOwner(query("active", 1, s2))).items.map((s) => s.id)).toEqual([s0]);
    });

    it("gives an empty page for a cursor that is not one of the owner's shares", async () => {
      const { repo } = await seed();
      const bobs = repo.allShares().find((s) => s.ownerId === bob.userId);
      expect(await repo.listByOwner(query("all", 10, bobs?.id ?? null))).toEqual({
        items: [],
        hasMore: false,
      });
      expect(await repo.listByOwner(query("all", 10, ids.uuid()))).toEqual({ items: [], hasMore: false });
    });
  });
});
