import { describe, expect, it } from "vitest";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { readPublicShare } from "./read-public-share";
import { revokeMyShares } from "./revoke-my-shares";

const setup = async () => {
  const kit = createShareTestKit();
  const { ref } = kit.addReport();
  const alice = kit.member();
  const bob = kit.member();
  const mine = await createShare(kit.deps, alice, ref, {});
  const bobs = await createShare(kit.deps, bob, ref, {});
  return { kit, ref, alice, bob, mine, bobs };
};

describe("revokeMyShares", () => {
  it("deletes the caller's share and kills its token", async () => {
    const { kit, ref, alice, mine } = await setup();
    expect(await revokeMyShares(kit.deps, alice, ref)).toBe(1);
    expect(await kit.shares.findById(mine.share.id)).toBeNull();
    await expect(readPublicShare(kit.deps, mine.accessToken as string)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("never touches teammates' shares, even when a manager revokes", async () => {
    const { kit, ref, alice, bobs } = await setup();
    await revokeMyShares(kit.deps, alice, ref);
    await revokeMyShares(kit.deps, kit.manager(), ref);
    expect(kit.shares.allShares()).toEqual([bobs.share]);
  });

  it("touches only the given resource", async () => {
    const { kit, ref, alice } = await setup();
    const { ref: other } = kit.addReport();
    const elsewhere = await createShare(kit.deps, alice, other, {});
    await revokeMyShares(kit.deps, alice, ref);
    expect(await kit.shares.findById(elsewhere.share.id)).not.toBeNull();
  });

  it("is idempotent: a second call succeeds and revokes nothing", async () => {
    const { kit, ref, alice } = await setup();
    await revokeMyShares(kit.deps, alice, ref);
    expect(await revokeMyShares(kit.deps, alice, ref)).toBe(0);
    expect(kit.shares.events().filter((e) => e.type === "revoked")).toHaveLength(1);
  });

  it("succeeds for a caller who never shared", async () => {
    const { kit, ref } = await setup();
    expect(await revokeMyShares(kit.deps, kit.member(), ref)).toBe(0);
    expect(kit.shares.allShares()).toHaveLength(2);
  });

  it("revokes an expired share too", async () => {
    const { kit, ref, alice, mine } = await setup();
    kit.clock.set(new Date(mine.share.expiresAt.getTime() + 1));
    expect(await revokeMyShares(kit.deps, alice, ref)).toBe(1);
  });

  it("answers not_found for another brand's resource", async () => {
    const { kit, alice } = await setup();
    const { ref: theirs } = kit.addReport(kit.otherBrand);
    await createShare(kit.deps, kit.member(kit.otherBrand), theirs, {});
    await expect(revokeMyShares(kit.deps, alice, theirs)).rejects.toMatchObject({ code: "not_found" });
    expect(kit.shares.allShares()).toHaveLength(3);
  });

  it("answers not_found for an unknown resource", async () => {
    const { kit, alice } = await setup();
    await expect(
      revokeMyShares(kit.deps, alice, { type: "scheduled", id: kit.random.uuid() }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("records 'revoked' with actor, request id and the expiry it had", async () => {
    const { kit, ref, alice, mine } = await setup();
    await revokeMyShares(kit.deps, alice, ref);
    expect(kit.shares.events().at(-1)).toMatchObject({
      type: "revoked",
      shareId: mine.share.id,
      brandId: kit.brand.id,
      actorId: alice.userId,
      requestId: alice.requestId,
      at: kit.clock.now(),
      oldExpiresAt: mine.share.expiresAt,
      newExpiresAt: null,
    });
  });
});
