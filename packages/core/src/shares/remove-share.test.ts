import { describe, expect, it } from "vitest";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { readPublicShare } from "./read-public-share";
import { mayRemove, removeShare } from "./remove-share";

const setup = async () => {
  const kit = createShareTestKit();
  const { ref, report } = kit.addReport();
  const alice = kit.member();
  const mine = await createShare(kit.deps, alice, ref, {});
  return { kit, ref, report, alice, mine };
};

describe("removeShare", () => {
  it("lets the owner remove their share; the token dies at once", async () => {
    const { kit, alice, mine } = await setup();
    await removeShare(kit.deps, alice, mine.share.id);
    expect(await kit.shares.findById(mine.share.id)).toBeNull();
    await expect(readPublicShare(kit.deps, mine.accessToken as string)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("lets a manager remove a teammate's share", async () => {
    const { kit, mine } = await setup();
    await removeShare(kit.deps, kit.manager(), mine.share.id);
    expect(kit.shares.allShares()).toEqual([]);
  });

  it("refuses a member removing a teammate's share", async () => {
    const { kit, mine } = await setup();
    await expect(removeShare(kit.deps, kit.member(), mine.share.id)).rejects.toMatchObject({
      name: "DomainError",
      code: "forbidden",
    });
    expect(kit.shares.allShares()).toEqual([mine.share]);
  });

  it("answers not_found to another brand, even its manager", async () => {
    const { kit, mine } = await setup();
    await expect(removeShare(kit.deps, kit.manager(kit.otherBrand), mine.share.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(kit.shares.allShares()).toEqual([mine.share]);
  });

  it("answers not_found for an unknown id and for a second removal", async () => {
    const { kit, alice, mine } = await setup();
    await expect(removeShare(kit.deps, alice, kit.random.uuid())).rejects.toMatchObject({
      code: "not_found",
    });
    await removeShare(kit.deps, alice, mine.share.id);
    await expect(removeShare(kit.deps, alice, mine.share.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("never touches the report itself", async () => {
    const { kit, ref, report, alice, mine } = await setup();
    await removeShare(kit.deps, alice, mine.share.id);
    expect(await kit.resources.findReport(kit.brand.id, ref.id)).toEqual(report);
  });

  it("removes an expired share too", async () => {
    const { kit, alice, mine } = await setup();
    kit.clock.set(new Date(mine.share.expiresAt.getTime() + 1));
    await removeShare(kit.deps, alice, mine.share.id);
    expect(kit.shares.allShares()).toEqual([]);
  });

  it("records 'removed' with the remover as actor", async () => {
    const { kit, mine } = await setup();
    const manager = kit.manager();
    await removeShare(kit.deps, manager, mine.share.id);
    expect(kit.shares.events().at(-1)).toMatchObject({
      type: "removed",
      shareId: mine.share.id,
      brandId: kit.brand.id,
      actorId: manager.userId,
      requestId: manager.requestId,
      at: kit.clock.now(),
      oldExpiresAt: mine.share.expiresAt,
      newExpiresAt: null,
    });
  });

  it("records nothing when refused", async () => {
    const { kit, mine } = await setup();
    await expect(removeShare(kit.deps, kit.member(), mine.share.id)).rejects.toBeDefined();
    expect(kit.shares.events().map((e) => e.type)).toEqual(["created"]);
  });
});

describe("mayRemove", () => {
  it("allows the owner and managers, nobody else", async () => {
    const { kit, alice, mine } = await setup();
    expect(mayRemove(alice, mine.share)).toBe(true);
    expect(mayRemove(kit.manager(), mine.share)).toBe(true);
    expect(mayRemove(kit.member(), mine.share)).toBe(false);
    expect(mayRemove({ ...alice, role: "manager" }, mine.share)).toBe(true);
  });
});
