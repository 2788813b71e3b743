import { describe, expect, it } from "vitest";
import type { Actor } from "../actor";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { extendShare } from "./extend-share";
import { readPublicShare } from "./read-public-share";

const DAY = 86_400_000;
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

const setup = async () => {
  const kit = createShareTestKit();
  const { ref } = kit.addReport();
  const alice = kit.member();
  const created = await createShare(kit.deps, alice, ref, { expiration_days: 30 });
  const extend = (actor: Actor, days: number, shareId = created.share.id) =>
    extendShare(kit.deps, actor, shareId, { expiration_days: days });
  return { kit, ref, alice, created, token: created.accessToken as string, extend };
};

describe("extendShare", () => {
  it("sets the expiry to now + days, whatever remained", async () => {
    const { kit, alice, created, extend } = await setup();
    kit.clock.advance(20 * DAY);
    const view = await extend(alice, 5);
    expect(view.share.expiresAt).toEqual(plusDays(kit.clock.now(), 5));
    expect(view.share.expiresAt.getTime()).toBeLessThan(created.share.expiresAt.getTime());
    expect(view.share.updatedAt).toEqual(kit.clock.now());
    expect((await kit.shares.findById(created.share.id))?.expiresAt).toEqual(view.share.expiresAt);
  });

  it("keeps the id, token and snapshot, and shows the owner the token", async () => {
    const { kit, alice, created, token, extend } = await setup();
    const view = await extend(alice, 365);
    expect(view.share).toMatchObject({
      id: created.share.id,
      tokenHash: created.share.tokenHash,
      snapshot: created.share.snapshot,
      createdAt: created.share.createdAt,
    });
    expect(view.accessToken).toBe(token);
    expect(view.isExisting).toBe(false);
    expect(view.share.expiresAt).toEqual(plusDays(kit.clock.now(), 365));
  });

  it("refuses a teammate with forbidden", async () => {
    const { kit, created, extend } = await setup();
    await expect(extend(kit.member(), 10)).rejects.toMatchObject({ name: "DomainError", code: "forbidden" });
    expect(await kit.shares.findById(created.share.id)).toEqual(created.share);
  });

  it("refuses a manager too: extending is the owner's alone", async () => {
    const { kit, extend } = await setup();
    await expect(extend(kit.manager(), 10)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("answers not_found to another brand, managers included, never forbidden", async () => {
    const { kit, extend } = await setup();
    await expect(extend(kit.member(kit.otherBrand), 10)).rejects.toMatchObject({ code: "not_found" });
    await expect(extend(kit.manager(kit.otherBrand), 10)).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers not_found for an unknown share", async () => {
    const { kit, alice, extend } = await setup();
    await expect(extend(alice, 10, kit.random.uuid())).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("revives an expired share: the same token opens again", async () => {
    const { kit, alice, created, token, extend } = await setup();
    kit.clock.set(new Date(created.share.expiresAt.getTime() + 1));
    await expect(readPublicShare(kit.deps, token)).rejects.toMatchObject({ code: "gone" });
    const view = await extend(alice, 7);
    expect(view.share.id).toBe(created.share.id);
    expect(view.accessToken).toBe(token);
    await expect(readPublicShare(kit.deps, token)).resolves.toMatchObject({
      expires_at: plusDays(kit.clock.now(), 7).toISOString(),
    });
  });

  it("refuses to revive an expired share when the resource is at the cap", async () => {
    const { kit, ref, alice, created, extend } = await setup();
    kit.clock.set(new Date(created.share.expiresAt.getTime() + 1));
    for (let i = 0; i < 50; i += 1) await createShare(kit.deps, kit.member(), ref, {});
    await expect(extend(alice, 7)).rejects.toMatchObject({
      code: "validation_error",
      details: { reason: "share_limit_reached", limit: 50 },
    });
    expect(await kit.shares.findById(created.share.id)).toEqual(created.share);
    expect(kit.shares.events().filter((e) => e.type === "extended")).toEqual([]);
  });

  it("extends an active share at the cap: it already holds its slot", async () => {
    const { kit, ref, alice, extend } = await setup();
    for (let i = 0; i < 49; i += 1) await createShare(kit.deps, kit.member(), ref, {});
    await expect(extend(alice, 90)).resolves.toBeDefined();
  });

  it("answers not_found when the share was removed meanwhile", async () => {
    const { kit, alice, created, extend } = await setup();
    await kit.shares.transaction((tx) => tx.delete([created.share.id]));
    await expect(extend(alice, 10)).rejects.toMatchObject({ code: "not_found" });
  });

  it("records 'extended' with actor, request id and old and new expiry", async () => {
    const { kit, alice, created, extend } = await setup();
    kit.clock.advance(DAY);
    const view = await extend(alice, 60);
    const events = kit.shares.events();
    expect(events.map((e) => e.type)).toEqual(["created", "extended"]);
    expect(events[1]).toMatchObject({
      shareId: created.share.id,
      brandId: kit.brand.id,
      actorId: alice.userId,
      requestId: alice.requestId,
      at: kit.clock.now(),
      oldExpiresAt: created.share.expiresAt,
      newExpiresAt: view.share.expiresAt,
    });
  });

  it("records nothing when refused", async () => {
    const { kit, extend } = await setup();
    await expect(extend(kit.manager(), 10)).rejects.toBeDefined();
    expect(kit.shares.events().map((e) => e.type)).toEqual(["created"]);
  });
});
