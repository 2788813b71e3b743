import { describe, expect, it } from "vitest";
import type { Actor } from "../actor";
import { resultRow } from "../testing";
import { capError, DAY, fill, plusDays, setup } from "./create-share.test-kit";
import { ACTIVE_SHARES_PER_RESOURCE } from "./deps";
import { readPublicShare } from "./read-public-share";
import { hashToken, isWellFormedToken } from "./token";

describe("createShare: a new share", () => {
  it("mints a share with a 43-character token that only the hash and ciphertext remember", async () => {
    const { kit, ref, alice, create } = setup();
    const view = await create(alice);
    expect(view.isExisting).toBe(false);
    expect(view.accessToken).not.toBeNull();
    const token = view.accessToken as string;
    expect(isWellFormedToken(token)).toBe(true);
    expect(view.share).toMatchObject({
      ownerId: alice.userId,
      brandId: kit.brand.id,
      resource: ref,
      whiteLabel: null,
    });
    expect(view.share.tokenHash).toBe(hashToken(token));
    expect(view.share.tokenCiphertext).not.toContain(token);
    expect(kit.deps.tokenCipher.decrypt(view.share.tokenCiphertext)).toBe(token);
    expect(kit.shares.allShares()).toEqual([view.share]);
    expect(JSON.stringify(kit.shares.allShares())).not.toContain(token);
  });

  it("expires after 30 days by default", async () => {
    const { kit, alice, create } = setup();
    const now = kit.clock.now();
    const { share } = await create(alice);
    expect(share.createdAt).toEqual(now);
    expect(share.updatedAt).toEqual(now);
    expect(share.expiresAt).toEqual(plusDays(now, 30));
  });

  it("honours expiration_days and a white label", async () => {
    const { kit, alice, create } = setup();
    const { share } = await create(alice, {
      expiration_days: 365,
      white_label_config: { company_name: "Client Co" },
    });
    expect(share.expiresAt).toEqual(plusDays(kit.clock.now(), 365));
    expect(share.whiteLabel).toEqual({ company_name: "Client Co" });
  });

  it("freezes a snapshot of the report", async () => {
    const { kit, report, alice, create } = setup();
    const { share } = await create(alice);
    expect(share.snapshot).toMatchObject({
      kind: "report",
      title: report.title,
      snapshot_at: kit.clock.now().toISOString(),
      summary: { total: 8, mentioned: 5, visibility_rate: 0.625, average_position: 2.5 },
    });
  });

  it("keeps the snapshot frozen when the report changes afterwards", async () => {
    const { kit, report, alice, create } = setup();
    const view = await create(alice);
    kit.resources.updateReport({ ...report, title: "Renamed", results: [resultRow({ mentioned: false })] });
    const publicShare = await readPublicShare(kit.deps, view.accessToken as string);
    expect(publicShare.snapshot).toEqual(view.share.snapshot);
    expect(publicShare.title).toBe(report.title);
  });

  it("shares a scheduled report as a roll-up of its completed runs", async () => {
    const { kit, alice, create } = setup();
    const { ref } = kit.addSchedule();
    const { share } = await create(alice, {}, ref);
    expect(share.resource).toEqual(ref);
    expect(share.snapshot).toMatchObject({ kind: "scheduled", run_count: 2 });
  });

  it("refuses a report that is not completed, storing nothing", async () => {
    const { kit, alice, create } = setup();
    const { ref } = kit.addReport(kit.brand, { status: "running", completedAt: null });
    await expect(create(alice, {}, ref)).rejects.toMatchObject({ name: "DomainError", code: "conflict" });
    expect(kit.shares.allShares()).toEqual([]);
    expect(kit.shares.events()).toEqual([]);
  });

  it("refuses a scheduled report without a completed run", async () => {
    const { kit, alice, create } = setup();
    const { ref } = kit.addSchedule(kit.brand, { runs: [] });
    await expect(create(alice, {}, ref)).rejects.toMatchObject({ code: "conflict" });
  });

  it("treats another brand's report or schedule as not found", async () => {
    const { kit, alice, create } = setup();
    const { ref: theirReport } = kit.addReport(kit.otherBrand);
    const { ref: theirSchedule } = kit.addSchedule(kit.otherBrand);
    await expect(create(alice, {}, theirReport)).rejects.toMatchObject({ code: "not_found" });
    await expect(create(alice, {}, theirSchedule)).rejects.toMatchObject({ code: "not_found" });
    expect(kit.shares.allShares()).toEqual([]);
  });

  it("does not find a report addressed as a scheduled report", async () => {
    const { alice, ref, create } = setup();
    await expect(create(alice, {}, { type: "scheduled", id: ref.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("gives every teammate their own share and token", async () => {
    const { kit, alice, create } = setup();
    const a = await create(alice);
    const b = await create(kit.member());
    expect(a.share.id).not.toBe(b.share.id);
    expect(a.accessToken).not.toBe(b.accessToken);
  });
});

describe("createShare: refresh", () => {
  it("keeps id, token and expiry, rebuilds the snapshot and says isExisting", async () => {
    const { kit, report, alice, create } = setup();
    const first = await create(alice);
    kit.clock.advance(3 * DAY);
    kit.resources.updateReport({ ...report, results: [resultRow(), resultRow({ mentioned: false })] });
    const second = await create(alice);
    expect(second.isExisting).toBe(true);
    expect(second.share.id).toBe(first.share.id);
    expect(second.accessToken).toBe(first.accessToken);
    expect(second.share.tokenHash).toBe(first.share.tokenHash);
    expect(second.share.expiresAt).toEqual(first.share.expiresAt);
    expect(second.share.createdAt).toEqual(first.share.createdAt);
    expect(second.share.updatedAt).toEqual(kit.clock.now());
    expect(second.share.snapshot.summary).toEqual({
      total: 2,
      mentioned: 1,
      visibility_rate: 0.5,
      average_position: 1,
    });
    expect(second.share.snapshot.snapshot_at).toBe(kit.clock.now().toISOString());
    expect(kit.shares.allShares()).toEqual([second.share]);
  });

  it("re-anchors the expiry to now when expiration_days is sent, even if that shortens it", async () => {
    const { kit, alice, create } = setup();
    await create(alice, { expiration_days: 30 });
    kit.clock.advance(10 * DAY);
    const { share } = await create(alice, { expiration_days: 5 });
    expect(share.expiresAt).toEqual(plusDays(kit.clock.now(), 5));
  });

  it("keeps the white label unless one is sent, and a sent null clears it", async () => {
    const { alice, create } = setup();
    await create(alice, { white_label_config: { company_name: "Client Co" } });
    expect((await create(alice)).share.whiteLabel).toEqual({ company_name: "Client Co" });
    expect(
      (await create(alice, { white_label_config: { primary_color: "#123456" } })).share.whiteLabel,
    ).toEqual({
      primary_color: "#123456",
    });
    expect((await create(alice, { white_label_config: null })).share.whiteLabel).toBeNull();
  });

  it("refreshes a share that expires at exactly this instant", async () => {
    const { kit, alice, create } = setup();
    const first = await create(alice, { expiration_days: 1 });
    kit.clock.set(first.share.expiresAt);
    const second = await create(alice);
    expect(second).toMatchObject({ isExisting: true, share: { id: first.share.id } });
  });

  it("is refused without side effects when the report is no longer completed", async () => {
    const { kit, report, alice, create } = setup();
    const first = await create(alice);
    kit.resources.updateReport({ ...report, status: "failed" });
    await expect(create(alice)).rejects.toMatchObject({ code: "conflict" });
    expect(kit.shares.allShares()).toEqual([first.share]);
  });

  it("is never blocked by the cap", async () => {
    const { kit, ref, create } = setup();
    const members = await fill(kit, ref, ACTIVE_SHARES_PER_RESOURCE);
    const refreshed = await create(members[0] as Actor);
    expect(refreshed.isExisting).toBe(true);
  });
});

describe("createShare: rotate", () => {
  it("replaces the caller's share with a new id and token; the old token stops working at once", async () => {
    const { kit, alice, create } = setup();
    const old = await create(alice);
    const oldToken = old.accessToken as string;
    const rotated = await create(alice, { rotate: true });
    expect(rotated.isExisting).toBe(false);
    expect(rotated.share.id).not.toBe(old.share.id);
    expect(rotated.accessToken).not.toBe(oldToken);
    expect(await kit.shares.findById(old.share.id)).toBeNull();
    expect(await kit.shares.findPublicByTokenHash(hashToken(oldToken))).toBeNull();
    await expect(readPublicShare(kit.deps, oldToken)).rejects.toMatchObject({ code: "not_found" });
    await expect(readPublicShare(kit.deps, rotated.accessToken as string)).resolves.toBeDefined();
    expect(kit.shares.allShares().map((s) => s.id)).toEqual([rotated.share.id]);
  });

  it("starts a fresh expiry window", async () => {
    const { kit, alice, create } = setup();
    await create(alice, { expiration_days: 365 });
    kit.clock.advance(DAY);
    expect((await create(alice, { rotate: true })).share.expiresAt).toEqual(plusDays(kit.clock.now(), 30));
    expect((await create(alice, { rotate: true, expiration_days: 2 })).share.expiresAt).toEqual(
      plusDays(kit.clock.now(), 2),
    );
  });

  it("mints a share when the caller had none", async () => {
    const { kit, alice, create } = setup();
    const view = await create(alice, { rotate: true });
    expect(view.isExisting).toBe(false);
    expect(kit.shares.allShares()).toHaveLength(1);
  });

  it("leaves teammates' shares alone", async () => {
    const { kit, alice, create } = setup();
    const bob = await create(kit.member());
    await create(alice);
    await create(alice, { rotate: true });
    expect(await kit.shares.findById(bob.share.id)).toEqual(bob.share);
  });

  it("succeeds at the cap, because the caller's own slot is freed first", async () => {
    const { kit, ref, create } = setup();
    const members = await fill(kit, ref, ACTIVE_SHARES_PER_RESOURCE);
    const rotated = await create(members[7] as Actor, { rotate: true });
    expect(rotated.isExisting).toBe(false);
    expect(await kit.shares.listActiveByResource(ref, kit.clock.now())).toHaveLength(50);
  });
});

describe("createShare: an expired share of the caller", () => {
  it("is replaced by a new share with a new token", async () => {
    const { kit, alice, create } = setup();
    const old = await create(alice, { expiration_days: 1 });
    kit.clock.set(new Date(old.share.expiresAt.getTime() + 1));
    const fresh = await create(alice);
    expect(fresh.isExisting).toBe(false);
    expect(fresh.share.id).not.toBe(old.share.id);
    expect(fresh.accessToken).not.toBe(old.accessToken);
    expect(fresh.share.expiresAt).toEqual(plusDays(kit.clock.now(), 30));
    expect(kit.shares.allShares().map((s) => s.id)).toEqual([fresh.share.id]);
  });

  it("survives when its replacement is refused by the cap", async () => {
    const { kit, ref, alice, create } = setup();
    const old = await create(alice, { expiration_days: 1 });
    kit.clock.set(new Date(old.share.expiresAt.getTime() + 1));
    await fill(kit, ref, 50);
    await expect(create(alice)).rejects.toMatchObject(capError);
    expect(await kit.shares.findById(old.share.id)).toEqual(old.share);
  });
});
