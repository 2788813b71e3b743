import { describe, expect, it } from "vitest";
import type { Share } from "../shares/share";
import { buildShare } from "./fixtures";
import { ConstraintViolationError, createInMemoryShareRepository } from "./in-memory-share-repository";
import {
  acme,
  alice,
  at,
  bob,
  ids,
  insertAll,
  otherReport,
  report,
  setup,
} from "./in-memory-share-repository.test-kit";

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
