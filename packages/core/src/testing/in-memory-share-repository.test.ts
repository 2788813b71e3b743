import { describe, expect, it } from "vitest";
import type { ResourceRef, Share } from "../shares/share";
import { buildActor, buildBrand, buildShare } from "./fixtures";
import { ConstraintViolationError, createInMemoryShareRepository } from "./in-memory-share-repository";
import { createSeededRandom } from "./seeded-random";

const ids = createSeededRandom(99);
const acme = buildBrand({ name: "Acme", whiteLabel: { primary_color: "#112233" } });
const globex = buildBrand({ name: "Globex" });
const alice = buildActor(acme);
const bob = buildActor(acme);
const report: ResourceRef = { type: "report", id: ids.uuid() };
const otherReport: ResourceRef = { type: "report", id: ids.uuid() };
const at = (iso: string) => new Date(iso);

const setup = () => createInMemoryShareRepository({ brands: [acme, globex] });

const insertAll = (repo: ReturnType<typeof setup>, shares: Share[]) =>
  repo.transaction(async (tx) => {
    for (const share of shares) {
      await tx.lockResource(share.resource);
      await tx.insert(share);
    }
  });

describe("in-memory share repository: transactions", () => {
  it("commits what a transaction wrote", async () => {
    const repo = setup();
    const share = buildShare(alice, report);
    await insertAll(repo, [share]);
    expect(await repo.findById(share.id)).toEqual(share);
  });

  it("rolls back every write when the work throws", async () => {
    const repo = setup();
    const kept = buildShare(alice, report);
    await insertAll(repo, [kept]);
    const failure = repo.transaction(async (tx) => {
      await tx.lockResource(report);
      await tx.insert(buildShare(bob, report));
      await tx.delete([kept.id]);
      await tx.recordEvent({
        id: ids.uuid(),
        shareId: kept.id,
        brandId: acme.id,
        actorId: bob.userId,
        type: "removed",
        at: at("2025-03-10T09:00:00.000Z"),
        requestId: null,
        oldExpiresAt: null,
        newExpiresAt: null,
        metadata: null,
      });
      throw new Error("boom");
    });
    await expect(failure).rejects.toThrow("boom");
    expect(repo.allShares().map((s) => s.id)).toEqual([kept.id]);
    expect(repo.events()).toEqual([]);
  });

  it("runs concurrent transactions one at a time", async () => {
    const repo = setup();
    const log: string[] = [];
    const work = (name: string) =>
      repo.transaction(async () => {
        log.push(`${name}:start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`${name}:end`);
      });
    await Promise.all([work("a"), work("b"), work("c")]);
    expect(log).toEqual(["a:start", "a:end", "b:start", "b:end", "c:start", "c:end"]);
  });

  it("keeps serving transactions after one failed", async () => {
    const repo = setup();
    const failed = repo.transaction(async () => {
      throw new Error("first fails");
    });
    const next = repo.transaction(async () => "second ran");
    await expect(failed).rejects.toThrow("first fails");
    await expect(next).resolves.toBe("second ran");
  });

  it("hides uncommitted writes from reads outside the transaction", async () => {
    const repo = setup();
    const share = buildShare(alice, report);
    let seenOutside: Share | null | undefined;
    await repo.transaction(async (tx) => {
      await tx.lockResource(report);
      await tx.insert(share);
      seenOutside = await repo.findById(share.id);
      expect(await tx.findById(share.id)).not.toBeNull();
    });
    expect(seenOutside).toBeNull();
    expect(await repo.findById(share.id)).not.toBeNull();
  });

  it("refuses a nested transaction instead of deadlocking", async () => {
    const repo = setup();
    await expect(repo.transaction(() => repo.transaction(async () => 1))).rejects.toThrow(/nested/);
  });

  it("refuses a transaction handle used after its transaction ended", async () => {
    const repo = setup();
    const leaked = await repo.transaction(async (tx) => tx);
    await expect(leaked.findById(ids.uuid())).rejects.toThrow(/after the transaction ended/);
  });

  it("demands the resource lock before counting or inserting", async () => {
    const repo = setup();
    await expect(repo.transaction((tx) => tx.insert(buildShare(alice, report)))).rejects.toThrow(
      /without lockResource/,
    );
    await expect(repo.transaction((tx) => tx.countActive(report, new Date()))).rejects.toThrow(
      /without lockResource/,
    );
    await expect(
      repo.transaction(async (tx) => {
        await tx.lockResource(otherReport);
        return tx.countActive(report, new Date());
      }),
    ).rejects.toThrow(/without lockResource/);
  });
});

describe("in-memory share repository: constraints", () => {
  const expectViolation = async (promise: Promise<unknown>, constraint: string) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConstraintViolationError);
    expect((error as ConstraintViolationError).constraint).toBe(constraint);
  };

  it("allows one share per (owner, resource)", async () => {
    const repo = setup();
    await insertAll(repo, [buildShare(alice, report)]);
    await expectViolation(insertAll(repo, [buildShare(alice, report)]), "shares_owner_resource_key");
    await insertAll(repo, [buildShare(alice, otherReport), buildShare(bob, report)]);
    expect(repo.allShares()).toHaveLength(3);
  });

  it("tells a report and a scheduled report with the same id apart", async () => {
    const repo = setup();
    await insertAll(repo, [
      buildShare(alice, report),
      buildShare(alice, { type: "scheduled", id: report.id }),
    ]);
    expect(repo.allShares()).toHaveLength(2);
  });

  it("keeps token hashes unique", async () => {
    const repo = setup();
    const first = buildShare(alice, report);
    await insertAll(repo, [first]);
    await expectViolation(
      insertAll(repo, [buildShare(bob, report, { tokenHash: first.tokenHash })]),
      "shares_token_hash_key",
    );
  });

  it("keeps ids unique", async () => {
    const repo = setup();
    const first = buildShare(alice, report);
    await insertAll(repo, [first]);
    await expectViolation(insertAll(repo, [buildShare(bob, otherReport, { id: first.id })]), "shares_pkey");
  });

  it("refuses a share of an unknown brand", async () => {
    const repo = createInMemoryShareRepository();
    await expectViolation(insertAll(repo, [buildShare(alice, report)]), "shares_brand_id_fkey");
    repo.addBrand(acme);
    await insertAll(repo, [buildShare(alice, report)]);
  });

  it("updates only the mutable columns", async () => {
    const repo = setup();
    const share = buildShare(alice, report);
    await insertAll(repo, [share]);
    const later = at("2025-04-01T00:00:00.000Z");
    await repo.transaction((tx) =>
      tx.update({
        ...share,
        ownerId: bob.userId,
        tokenHash: "changed",
        expiresAt: later,
        updatedAt: later,
        whiteLabel: { company_name: "Renamed" },
      }),
    );
    const stored = await repo.findById(share.id);
    expect(stored).toMatchObject({ ownerId: alice.userId, tokenHash: share.tokenHash, expiresAt: later });
    expect(stored?.whiteLabel).toEqual({ company_name: "Renamed" });
    expect(stored?.updatedAt).toEqual(later);
  });

  it("refuses to update a share that does not exist", async () => {
    const repo = setup();
    await expect(repo.transaction((tx) => tx.update(buildShare(alice, report)))).rejects.toThrow(
      /missing share/,
    );
  });

  it("ignores unknown ids on delete", async () => {
    const repo = setup();
    const share = buildShare(alice, report);
    await insertAll(repo, [share]);
    await repo.transaction((tx) => tx.delete([ids.uuid(), share.id]));
    expect(repo.allShares()).toEqual([]);
  });

  it("stores copies, so a caller cannot edit a stored snapshot", async () => {
    const repo = setup();
    const share = buildShare(alice, report);
    await insertAll(repo, [share]);
    share.snapshot.title = "edited after insert";
    const read = await repo.findById(share.id);
    expect(read?.snapshot.title).not.toBe("edited after insert");
    if (read) read.snapshot.title = "edited after read";
    expect(repo.allShares()[0]?.snapshot.title).not.toBe("edited after read");
  });
});

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
    expect(await repo.findPublicByTokenHash(share.tokenHash)).toEqual({
      shareId: share.id,
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
