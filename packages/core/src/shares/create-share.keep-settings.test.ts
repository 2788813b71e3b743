import { describe, expect, it } from "vitest";
import { createShareTestKit } from "../testing";
import { createShare, inheritedSettings } from "./create-share";
import { readPublicShare } from "./read-public-share";

const DAY = 86_400_000;
const wl = { company_name: "Client Co", primary_color: "#112233" };

const setup = async () => {
  const kit = createShareTestKit();
  const { ref } = kit.addReport();
  const alice = kit.member();
  const first = await createShare(kit.deps, alice, ref, { expiration_days: 90, white_label_config: wl });
  kit.clock.advance(10 * DAY);
  return { kit, ref, alice, first };
};

describe("createShare: rotate with keep_settings", () => {
  it("gives the new link the old link's exact expiry and white label", async () => {
    const { kit, ref, alice, first } = await setup();
    const rotated = await createShare(kit.deps, alice, ref, { rotate: true, keep_settings: true });
    expect(rotated.share.id).not.toBe(first.share.id);
    expect(rotated.accessToken).not.toBe(first.accessToken);
    expect(rotated.share.expiresAt).toEqual(first.share.expiresAt);
    expect(rotated.share.whiteLabel).toEqual(wl);
    expect(kit.shares.allShares().map((share) => share.id)).toEqual([rotated.share.id]);
  });

  it("keeps the seed's behaviour without it: 30 days from now and brand defaults", async () => {
    const { kit, ref, alice } = await setup();
    const rotated = await createShare(kit.deps, alice, ref, { rotate: true });
    expect(rotated.share.expiresAt).toEqual(new Date(kit.clock.now().getTime() + 30 * DAY));
    expect(rotated.share.whiteLabel).toBeNull();
  });

  it("lets fields sent explicitly win over the kept ones", async () => {
    const { kit, ref, alice, first } = await setup();
    const days = await createShare(kit.deps, alice, ref, {
      rotate: true,
      keep_settings: true,
      expiration_days: 2,
    });
    expect(days.share.expiresAt).toEqual(new Date(kit.clock.now().getTime() + 2 * DAY));
    expect(days.share.whiteLabel).toEqual(wl);
    const cleared = await createShare(kit.deps, alice, ref, {
      rotate: true,
      keep_settings: true,
      white_label_config: null,
    });
    expect(cleared.share.whiteLabel).toBeNull();
    expect(cleared.share.expiresAt).toEqual(days.share.expiresAt);
    expect(first.share.expiresAt).not.toEqual(days.share.expiresAt);
  });

  it("serves the kept branding on the public read of the new token", async () => {
    const { kit, ref, alice, first } = await setup();
    const rotated = await createShare(kit.deps, alice, ref, { rotate: true, keep_settings: true });
    const publicRead = kit.deps;
    const shown = await readPublicShare(publicRead, rotated.accessToken as string);
    expect(shown.white_label).toMatchObject({ company_name: "Client Co", primary_color: "#112233" });
    expect(shown.expires_at).toBe(first.share.expiresAt.toISOString());
    await expect(readPublicShare(publicRead, first.accessToken as string)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("keeps the branding but not a past expiry when the replaced link had expired", async () => {
    const { kit, ref, alice } = await setup();
    kit.clock.advance(100 * DAY);
    const renewed = await createShare(kit.deps, alice, ref, { rotate: true, keep_settings: true });
    expect(renewed.share.whiteLabel).toEqual(wl);
    expect(renewed.share.expiresAt).toEqual(new Date(kit.clock.now().getTime() + 30 * DAY));
  });

  it("changes nothing for a first link or a refresh", async () => {
    const { kit, ref, alice, first } = await setup();
    const refreshed = await createShare(kit.deps, alice, ref, { keep_settings: true });
    expect(refreshed.isExisting).toBe(true);
    expect(refreshed.share.expiresAt).toEqual(first.share.expiresAt);
    const bob = kit.member();
    const fresh = await createShare(kit.deps, bob, ref, { keep_settings: true });
    expect(fresh.share.whiteLabel).toBeNull();
    expect(fresh.share.expiresAt).toEqual(new Date(kit.clock.now().getTime() + 30 * DAY));
  });

  it("says so in the audit event of the rotation", async () => {
    const { kit, ref, alice, first } = await setup();
    await createShare(kit.deps, alice, ref, { rotate: true, keep_settings: true });
    expect(kit.shares.events().at(-1)).toMatchObject({
      type: "rotated",
      oldExpiresAt: null,
      newExpiresAt: first.share.expiresAt,
      metadata: { replaced_share_id: first.share.id, kept_settings: true },
    });
  });
});

describe("inheritedSettings", () => {
  const now = new Date("2025-03-10T09:00:00.000Z");
  it("keeps an expiry up to and including the current instant", () => {
    expect(inheritedSettings({ whiteLabel: null, expiresAt: now }, now)).toEqual({
      whiteLabel: null,
      expiresAt: now,
    });
    expect(inheritedSettings({ whiteLabel: wl, expiresAt: new Date(now.getTime() - 1) }, now)).toEqual({
      whiteLabel: wl,
    });
  });
});
