import { describe, expect, it, vi } from "vitest";
import type { Actor } from "../actor";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { extendShare } from "./extend-share";
import type { ResourceRef } from "./share";

const DAY = 86_400_000;

/**
 * `extendShare(..., { under })`: the REST path names the resource, so the use
 * case runs as one transaction under that resource's lock and reads the share
 * once. Same answers as the by-id form, plus: a share on another resource (or
 * an address naming no resource) is not found there, and nothing changes.
 */
const setup = async () => {
  const kit = createShareTestKit();
  const { ref } = kit.addReport();
  const alice = kit.member();
  const created = await createShare(kit.deps, alice, ref, { expiration_days: 30 });
  const reads = vi.spyOn(kit.shares, "findById");
  const extend = (actor: Actor, under: ResourceRef = ref, days = 10) =>
    extendShare(kit.deps, actor, created.share.id, { expiration_days: days }, { under });
  return { kit, ref, alice, created, reads, extend };
};

describe("extendShare under the addressed resource", () => {
  it("extends, shows the owner the token, records the event, and reads no share outside the transaction", async () => {
    const { kit, alice, created, reads, extend } = await setup();
    kit.clock.advance(DAY);
    const view = await extend(alice);
    expect(view.share.expiresAt).toEqual(new Date(kit.clock.now().getTime() + 10 * DAY));
    expect(view.accessToken).toBe(created.accessToken);
    expect(kit.shares.events().map((e) => e.type)).toEqual(["created", "extended"]);
    expect(reads).not.toHaveBeenCalled();
  });

  it("answers not_found under another resource of the brand, or an address naming none; nothing changes", async () => {
    const { kit, alice, created, extend } = await setup();
    const other = kit.addReport().ref;
    const schedule = kit.addSchedule().ref;
    for (const under of [
      other,
      schedule,
      { type: "scheduled", id: created.share.resource.id },
      { type: "report", id: kit.random.uuid() },
    ] as ResourceRef[]) {
      await expect(extend(alice, under)).rejects.toMatchObject({
        code: "not_found",
        message: "Share not found",
      });
    }
    expect(await kit.shares.findById(created.share.id)).toEqual(created.share);
    expect(kit.shares.events().map((e) => e.type)).toEqual(["created"]);
  });

  it("answers forbidden to a teammate or a manager, not_found to another brand, and records nothing", async () => {
    const { kit, created, extend } = await setup();
    await expect(extend(kit.member())).rejects.toMatchObject({ code: "forbidden" });
    await expect(extend(kit.manager())).rejects.toMatchObject({ code: "forbidden" });
    await expect(extend(kit.manager(kit.otherBrand))).rejects.toMatchObject({ code: "not_found" });
    expect(await kit.shares.findById(created.share.id)).toEqual(created.share);
    expect(kit.shares.events().map((e) => e.type)).toEqual(["created"]);
  });

  it("still holds the cap when reviving an expired share", async () => {
    const { kit, ref, alice, created, extend } = await setup();
    kit.clock.set(new Date(created.share.expiresAt.getTime() + 1));
    for (let i = 0; i < 50; i += 1) await createShare(kit.deps, kit.member(), ref, {});
    await expect(extend(alice)).rejects.toMatchObject({
      code: "validation_error",
      details: { reason: "share_limit_reached", limit: 50 },
    });
  });
});

describe("the caller's own share view with Actor.profile", () => {
  it("takes the owner from the profile authentication read, without looking the user up again", async () => {
    const kit = createShareTestKit();
    const { ref } = kit.addReport();
    const plain = kit.member();
    const profile = { id: plain.userId, name: "Alice Example", email: "alice@example.test" };
    const lookups = vi.spyOn(kit.shares, "findOwner");
    const view = await createShare(kit.deps, { ...plain, profile }, ref, {});
    expect(view.owner).toEqual(profile);
    expect(lookups).not.toHaveBeenCalled();
  });

  it("looks the owner up when the actor carries no profile, or one of another user", async () => {
    const kit = createShareTestKit();
    const { ref } = kit.addReport();
    const alice = kit.member();
    const lookups = vi.spyOn(kit.shares, "findOwner");
    const stranger = { id: kit.random.uuid(), name: "Not Alice", email: "x@example.test" };
    const view = await createShare(kit.deps, { ...alice, profile: stranger }, ref, {});
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(view.owner?.id).toBe(alice.userId);
  });
});
