import { describe, expect, it } from "vitest";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { extendShare } from "./extend-share";
import { listMyShares, listResourceShares } from "./list-shares";

const DAY = 86_400_000;

const setup = async () => {
  const kit = createShareTestKit();
  const { ref } = kit.addReport();
  const alice = kit.member();
  const bob = kit.member();
  const manager = kit.manager();
  const alices = await createShare(kit.deps, alice, ref, { expiration_days: 1 });
  const bobs = await createShare(kit.deps, bob, ref, {});
  return { kit, ref, alice, bob, manager, alices, bobs };
};

describe("the share view", () => {
  it("decides is_mine, can_remove, the token and the owner for each caller", async () => {
    const { kit, ref, alice, bob, manager } = await setup();
    const byOwner = async (actor: typeof alice) =>
      new Map((await listResourceShares(kit.deps, actor, ref)).map((view) => [view.share.ownerId, view]));

    const asAlice = await byOwner(alice);
    expect(asAlice.get(alice.userId)).toMatchObject({
      isMine: true,
      canRemove: true,
      status: "active",
      owner: { id: alice.userId, name: "Person 1", email: "person1@example.test" },
    });
    expect(asAlice.get(alice.userId)?.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asAlice.get(bob.userId)).toMatchObject({
      isMine: false,
      canRemove: false,
      accessToken: null,
      owner: { id: bob.userId, name: "Person 2" },
    });

    const asManager = await byOwner(manager);
    for (const view of asManager.values()) {
      expect(view).toMatchObject({ isMine: false, canRemove: true, accessToken: null });
    }
  });

  it("reads the status at the use case's clock", async () => {
    const { kit, alice, alices } = await setup();
    expect(alices.status).toBe("active");
    kit.clock.advance(2 * DAY);
    const page = await listMyShares(kit.deps, alice, { status: "all", limit: 10 });
    expect(page.items.map((view) => [view.share.id, view.status])).toEqual([[alices.share.id, "expired"]]);
    expect(page.items[0]?.owner).toEqual({
      id: alice.userId,
      name: "Person 1",
      email: "person1@example.test",
    });
    const revived = await extendShare(kit.deps, alice, alices.share.id, { expiration_days: 3 });
    expect(revived).toMatchObject({ status: "active", isMine: true, canRemove: true });
    expect(revived.owner?.id).toBe(alice.userId);
  });

  it("gives a create its caller as the owner, refresh or not", async () => {
    const { kit, ref, alice, alices } = await setup();
    const refreshed = await createShare(kit.deps, alice, ref, {});
    expect(refreshed).toMatchObject({ isExisting: true, isMine: true, owner: { id: alice.userId } });
    expect(refreshed.accessToken).toBe(alices.accessToken);
  });

  it("leaves the owner null when the repository does not know the user", async () => {
    const kit = createShareTestKit();
    const { ref } = kit.addReport();
    const stranger = {
      userId: "00000000-0000-4000-8000-0000000000ff",
      brandId: kit.brand.id,
      role: "member" as const,
      requestId: null,
    };
    const view = await createShare(kit.deps, stranger, ref, {});
    expect(view.owner).toBeNull();
  });
});
