import { describe, expect, it } from "vitest";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { capError, DAY, fill, setup } from "./create-share.test-kit";

describe("createShare: the cap of 50 active shares per resource", () => {
  it("lets the 50th share through and refuses the 51st", async () => {
    const { kit, ref, create } = setup();
    await fill(kit, ref, 49);
    await expect(create(kit.member())).resolves.toMatchObject({ isExisting: false });
    const before = kit.shares.events().length;
    await expect(create(kit.member())).rejects.toMatchObject(capError);
    expect(kit.shares.allShares()).toHaveLength(50);
    expect(kit.shares.events()).toHaveLength(before);
  });

  it("does not count expired shares", async () => {
    const { kit, ref, alice, create } = setup();
    await create(alice, { expiration_days: 1 });
    kit.clock.advance(DAY + 1);
    await fill(kit, ref, 50);
    expect(kit.shares.allShares()).toHaveLength(51);
    await expect(create(kit.member())).rejects.toMatchObject(capError);
  });

  it("is counted per resource", async () => {
    const { kit, ref, create } = setup();
    await fill(kit, ref, 50);
    const { ref: another } = kit.addReport();
    await expect(create(kit.member(), {}, another)).resolves.toMatchObject({ isExisting: false });
  });

  it("counts managers' shares like anyone's", async () => {
    const { kit, ref, create } = setup();
    await fill(kit, ref, 49);
    await create(kit.manager());
    await expect(create(kit.manager())).rejects.toMatchObject(capError);
  });

  it("holds under concurrent creates: of 60 teammates exactly 50 succeed", async () => {
    const { kit, ref, create } = setup();
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => create(kit.member())));
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(50);
    expect(rejected).toHaveLength(10);
    for (const r of rejected) expect(r.reason).toMatchObject(capError);
    expect(await kit.shares.listActiveByResource(ref, kit.clock.now())).toHaveLength(50);
  });

  it("turns one user's concurrent double create into a create and a refresh", async () => {
    const { kit, alice, create } = setup();
    const [a, b] = await Promise.all([create(alice), create(alice)]);
    expect([a.isExisting, b.isExisting].sort()).toEqual([false, true]);
    expect(a.share.id).toBe(b.share.id);
    expect(a.accessToken).toBe(b.accessToken);
    expect(kit.shares.allShares()).toHaveLength(1);
  });

  it("follows a configured cap", async () => {
    const kit = createShareTestKit({ activeSharesPerResource: 2 });
    const { ref } = kit.addReport();
    await fill(kit, ref, 2);
    await expect(createShare(kit.deps, kit.member(), ref, {})).rejects.toMatchObject({
      code: "validation_error",
      details: { reason: "share_limit_reached", limit: 2 },
    });
  });
});

describe("createShare: audit", () => {
  it("records 'created' with actor, request id and the new expiry", async () => {
    const { kit, alice, create } = setup();
    const { share } = await create(alice);
    expect(kit.shares.events()).toEqual([
      {
        id: expect.any(String),
        shareId: share.id,
        brandId: kit.brand.id,
        actorId: alice.userId,
        type: "created",
        at: kit.clock.now(),
        requestId: alice.requestId,
        oldExpiresAt: null,
        newExpiresAt: share.expiresAt,
        metadata: null,
      },
    ]);
  });

  it("records 'refreshed' with the old and new expiry", async () => {
    const { kit, alice, create } = setup();
    const first = await create(alice);
    kit.clock.advance(DAY);
    const second = await create(alice, { expiration_days: 90 });
    const [, refreshed] = kit.shares.events();
    expect(kit.shares.events()).toHaveLength(2);
    expect(refreshed).toMatchObject({
      type: "refreshed",
      shareId: first.share.id,
      actorId: alice.userId,
      requestId: alice.requestId,
      at: kit.clock.now(),
      oldExpiresAt: first.share.expiresAt,
      newExpiresAt: second.share.expiresAt,
    });
  });

  it("records 'rotated' on the new share, naming the one it replaced", async () => {
    const { kit, alice, create } = setup();
    const old = await create(alice);
    const rotated = await create(alice, { rotate: true });
    expect(kit.shares.events().map((e) => e.type)).toEqual(["created", "rotated"]);
    expect(kit.shares.events()[1]).toMatchObject({
      shareId: rotated.share.id,
      actorId: alice.userId,
      requestId: alice.requestId,
      newExpiresAt: rotated.share.expiresAt,
      metadata: { replaced_share_id: old.share.id },
    });
  });

  it("records 'created' naming the expired share it replaced", async () => {
    const { kit, alice, create } = setup();
    const old = await create(alice, { expiration_days: 1 });
    kit.clock.advance(2 * DAY);
    const fresh = await create(alice);
    expect(kit.shares.events()[1]).toMatchObject({
      type: "created",
      shareId: fresh.share.id,
      metadata: { replaced_share_id: old.share.id },
    });
  });

  it("records nothing when the request fails", async () => {
    const { kit, alice, create } = setup();
    const { ref } = kit.addReport(kit.otherBrand);
    await expect(create(alice, {}, ref)).rejects.toBeDefined();
    expect(kit.shares.events()).toEqual([]);
  });
});
