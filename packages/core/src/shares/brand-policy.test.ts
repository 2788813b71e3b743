import { describe, expect, it } from "vitest";
import { NO_SHARE_POLICY, type SharePolicy } from "../brands/share-policy";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { extendShare } from "./extend-share";
import type { CreateShareInput } from "./schemas";
import { updateShare } from "./update-share";

// The brand's share policy (docs/protection.md) as every share use case applies it.

const DAY = 86_400_000;
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

const setup = (policy: Partial<SharePolicy> = {}) => {
  const kit = createShareTestKit();
  kit.shares.setSharePolicy(kit.brand.id, { ...NO_SHARE_POLICY, ...policy });
  const { ref } = kit.addReport();
  const alice = kit.member();
  const create = (input: CreateShareInput = {}, actor = alice) => createShare(kit.deps, actor, ref, input);
  /** Nothing was written: no share row, no audit event. */
  const untouched = (before = 0) => {
    expect(kit.shares.allShares()).toHaveLength(before);
    expect(kit.shares.events()).toHaveLength(before);
  };
  return { kit, ref, alice, create, untouched };
};

const tooLong = (max: number) => ({
  code: "validation_error",
  details: { reason: "exceeds_brand_max_expiry", max_expiration_days: max, limit: max },
});
const passwordRequired = { code: "validation_error", details: { reason: "password_required_by_policy" } };

describe("brand policy: default expiry", () => {
  it("applies when a create omits expiration_days", async () => {
    const { kit, create } = setup({ default_expiration_days: 7 });
    const { share } = await create();
    expect(share.expiresAt).toEqual(plusDays(kit.clock.now(), 7));
  });

  it("does not override expiration_days when sent", async () => {
    const { kit, create } = setup({ default_expiration_days: 7 });
    const { share } = await create({ expiration_days: 90 });
    expect(share.expiresAt).toEqual(plusDays(kit.clock.now(), 90));
  });

  it("without a default, a maximum below 30 days shortens the service default to it", async () => {
    const { kit, create } = setup({ max_expiration_days: 10 });
    const { share } = await create();
    expect(share.expiresAt).toEqual(plusDays(kit.clock.now(), 10));
  });

  it("is the brand's: another brand's policy changes nothing here", async () => {
    const kit = createShareTestKit();
    kit.shares.setSharePolicy(kit.otherBrand.id, { ...NO_SHARE_POLICY, default_expiration_days: 3 });
    const { ref } = kit.addReport();
    const { share } = await createShare(kit.deps, kit.member(), ref, {});
    expect(share.expiresAt).toEqual(plusDays(kit.clock.now(), 30));
  });
});

describe("brand policy: maximum expiry", () => {
  it("a create beyond the maximum is 400 exceeds_brand_max_expiry with the limit, and writes nothing", async () => {
    const { create, untouched } = setup({ max_expiration_days: 30 });
    await expect(create({ expiration_days: 31 })).rejects.toMatchObject(tooLong(30));
    untouched();
  });

  it("a create at the maximum passes", async () => {
    const { kit, create } = setup({ max_expiration_days: 30 });
    expect((await create({ expiration_days: 30 })).share.expiresAt).toEqual(plusDays(kit.clock.now(), 30));
  });

  it("a refresh asking for more than the maximum is refused; one that keeps the expiry passes", async () => {
    const { kit, create } = setup();
    const first = await create({ expiration_days: 60 });
    kit.shares.setSharePolicy(kit.brand.id, { ...NO_SHARE_POLICY, max_expiration_days: 30 });
    await expect(create({ expiration_days: 45 })).rejects.toMatchObject(tooLong(30));
    const refreshed = await create();
    expect(refreshed.isExisting).toBe(true);
    // Set before the policy tightened: a refresh that names no expiry leaves it as it was.
    expect(refreshed.share.expiresAt).toEqual(first.share.expiresAt);
  });

  it("a rotation keeping settings carries the expiry no further than the maximum from now", async () => {
    const { kit, create } = setup();
    await create({ expiration_days: 200 });
    kit.shares.setSharePolicy(kit.brand.id, { ...NO_SHARE_POLICY, max_expiration_days: 20 });
    kit.clock.advance(DAY);
    const rotated = await create({ rotate: true, keep_settings: true });
    expect(rotated.share.expiresAt).toEqual(plusDays(kit.clock.now(), 20));
  });

  it("an extend beyond the maximum is refused, by id and under the resource, and changes nothing", async () => {
    const { kit, ref, alice, create } = setup();
    const { share } = await create({ expiration_days: 10 });
    kit.shares.setSharePolicy(kit.brand.id, { ...NO_SHARE_POLICY, max_expiration_days: 30 });
    await expect(extendShare(kit.deps, alice, share.id, { expiration_days: 31 })).rejects.toMatchObject(
      tooLong(30),
    );
    await expect(
      extendShare(kit.deps, alice, share.id, { expiration_days: 365 }, { under: ref }),
    ).rejects.toMatchObject(tooLong(30));
    expect((await kit.shares.findById(share.id))?.expiresAt).toEqual(share.expiresAt);
    const extended = await extendShare(kit.deps, alice, share.id, { expiration_days: 30 }, { under: ref });
    expect(extended.share.expiresAt).toEqual(plusDays(kit.clock.now(), 30));
  });
});

describe("brand policy: require_password", () => {
  it("a create without a password is 400 password_required_by_policy, and writes nothing", async () => {
    const { create, untouched } = setup({ require_password: true });
    await expect(create()).rejects.toMatchObject(passwordRequired);
    await expect(create({ password: null })).rejects.toMatchObject(passwordRequired);
    untouched();
  });

  it("a create with a password passes", async () => {
    const { create } = setup({ require_password: true });
    expect((await create({ password: "correct horse" })).share.passwordHash).not.toBeNull();
  });

  it("a refresh keeps a protected link's password without restating it, but may not remove it", async () => {
    const { create } = setup({ require_password: true });
    await create({ password: "correct horse" });
    const refreshed = await create({ expiration_days: 5 });
    expect(refreshed.isExisting).toBe(true);
    expect(refreshed.share.passwordHash).not.toBeNull();
    await expect(create({ password: null })).rejects.toMatchObject(passwordRequired);
  });

  it("a refresh of a link made before the policy must add a password", async () => {
    const { kit, create } = setup();
    await create();
    kit.shares.setSharePolicy(kit.brand.id, { ...NO_SHARE_POLICY, require_password: true });
    await expect(create()).rejects.toMatchObject(passwordRequired);
    expect((await create({ password: "correct horse" })).share.passwordHash).not.toBeNull();
  });

  it("a rotation mints a new link, which needs its password sent again", async () => {
    const { create } = setup({ require_password: true });
    await create({ password: "correct horse" });
    await expect(create({ rotate: true, keep_settings: true })).rejects.toMatchObject(passwordRequired);
    expect((await create({ rotate: true, password: "battery staple" })).isExisting).toBe(false);
  });

  it("PATCH may change the password or the view limit, not remove the password", async () => {
    const { kit, alice, create } = setup({ require_password: true });
    const { share } = await create({ password: "correct horse" });
    await expect(updateShare(kit.deps, alice, share.id, { password: null })).rejects.toMatchObject(
      passwordRequired,
    );
    expect((await kit.shares.findById(share.id))?.passwordHash).toBe(share.passwordHash);
    const changed = await updateShare(kit.deps, alice, share.id, {
      password: "battery staple",
      max_views: 5,
    });
    expect(changed.share).toMatchObject({ maxViews: 5 });
    expect(changed.share.passwordHash).not.toBe(share.passwordHash);
  });

  it("without the policy a password can still be removed", async () => {
    const { kit, alice, create } = setup();
    const { share } = await create({ password: "correct horse" });
    expect((await updateShare(kit.deps, alice, share.id, { password: null })).share.passwordHash).toBeNull();
  });
});
