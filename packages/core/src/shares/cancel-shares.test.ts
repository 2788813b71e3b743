import { describe, expect, it } from "vitest";
import { createShareTestKit } from "../testing";
import { cancelShares } from "./cancel-shares";
import { createShare } from "./create-share";

const setup = async () => {
  const kit = createShareTestKit();
  const { ref } = kit.addReport();
  const alice = kit.member();
  const bob = kit.member();
  const { ref: theirRef } = kit.addReport(kit.otherBrand);
  const mine = (await createShare(kit.deps, alice, ref, {})).share;
  const bobs = (await createShare(kit.deps, bob, ref, {})).share;
  const theirs = (await createShare(kit.deps, kit.member(kit.otherBrand), theirRef, {})).share;
  const unknown = kit.random.uuid();
  return { kit, alice, mine, bobs, theirs, unknown };
};

describe("cancelShares", () => {
  it("judges each id like remove-one and answers in request order (member)", async () => {
    const { kit, alice, mine, bobs, theirs, unknown } = await setup();
    const results = await cancelShares(kit.deps, alice, {
      share_ids: [bobs.id, unknown, mine.id, theirs.id],
    });
    expect(results).toEqual([
      { share_id: bobs.id, status: "forbidden" },
      { share_id: unknown, status: "not_found" },
      { share_id: mine.id, status: "cancelled" },
      { share_id: theirs.id, status: "not_found" },
    ]);
    expect(
      kit.shares
        .allShares()
        .map((s) => s.id)
        .sort(),
    ).toEqual([bobs.id, theirs.id].sort());
  });

  it("lets a manager cancel teammates' shares but not another brand's", async () => {
    const { kit, mine, bobs, theirs, unknown } = await setup();
    const results = await cancelShares(kit.deps, kit.manager(), {
      share_ids: [mine.id, theirs.id, bobs.id, unknown],
    });
    expect(results).toEqual([
      { share_id: mine.id, status: "cancelled" },
      { share_id: theirs.id, status: "not_found" },
      { share_id: bobs.id, status: "cancelled" },
      { share_id: unknown, status: "not_found" },
    ]);
    expect(kit.shares.allShares()).toEqual([theirs]);
  });

  it("collapses duplicate ids into one result at the first occurrence", async () => {
    const { kit, alice, mine, unknown } = await setup();
    const results = await cancelShares(kit.deps, alice, {
      share_ids: [unknown, mine.id, unknown, mine.id.toUpperCase(), mine.id],
    });
    expect(results).toEqual([
      { share_id: unknown, status: "not_found" },
      { share_id: mine.id, status: "cancelled" },
    ]);
    expect(kit.shares.events().filter((e) => e.type === "cancelled")).toHaveLength(1);
  });

  it("answers not_found for a share cancelled by an earlier call", async () => {
    const { kit, alice, mine } = await setup();
    await cancelShares(kit.deps, alice, { share_ids: [mine.id] });
    expect(await cancelShares(kit.deps, alice, { share_ids: [mine.id] })).toEqual([
      { share_id: mine.id, status: "not_found" },
    ]);
  });

  it("writes nothing when nothing may be cancelled", async () => {
    const { kit, alice, bobs, theirs } = await setup();
    const before = kit.shares.allShares();
    await cancelShares(kit.deps, alice, { share_ids: [bobs.id, theirs.id] });
    expect(kit.shares.allShares()).toEqual(before);
    expect(kit.shares.events().filter((e) => e.type === "cancelled")).toEqual([]);
  });

  it("records one 'cancelled' event per cancelled share, with the canceller as actor", async () => {
    const { kit, mine, bobs } = await setup();
    const manager = kit.manager();
    await cancelShares(kit.deps, manager, { share_ids: [mine.id, bobs.id] });
    const cancelled = kit.shares.events().filter((e) => e.type === "cancelled");
    expect(cancelled).toEqual([
      expect.objectContaining({
        shareId: mine.id,
        brandId: kit.brand.id,
        actorId: manager.userId,
        requestId: manager.requestId,
        at: kit.clock.now(),
        oldExpiresAt: mine.expiresAt,
        newExpiresAt: null,
      }),
      expect.objectContaining({ shareId: bobs.id, actorId: manager.userId, oldExpiresAt: bobs.expiresAt }),
    ]);
  });
});
