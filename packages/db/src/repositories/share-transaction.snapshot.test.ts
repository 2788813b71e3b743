import { createShare, extendShare, type ResourceRef } from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createManualClock,
  createTenant,
  eventsOf,
  reusedTestDatabase,
  shareRow,
  type Tenant,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";

const DAY = 24 * 60 * 60 * 1000;

/**
 * The share transaction's reads without the snapshot (issue 15): `findOwned`
 * (create, refresh, revoke) and `findByIdWithoutSnapshot` (REST's extend)
 * leave the ~3 kB column in the database, and `update` writes it only when
 * the share carries a new one.
 */
describe.each(testDatabaseKinds())("share reads without the snapshot over %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;
  let tenant: Tenant;
  let report: ResourceRef;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { clock });
    tenant = await createTenant(t.services);
    report = { type: "report", id: tenant.report.id };
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("reads the locked share whole but for its snapshot, by id and as the owner's", async () => {
    const actor = tenant.actor(tenant.manager);
    const created = await createShare(t.services.shares, actor, report, {});
    const [byId, owned, whole] = await t.services.shares.shares.transaction(async (tx) => {
      await tx.lockResource(report);
      return [
        await tx.findByIdWithoutSnapshot(created.share.id),
        await tx.findOwned(tenant.manager.id, report),
        await tx.findById(created.share.id),
      ];
    });
    const { snapshot, ...rest } = created.share;
    expect(byId).toEqual(rest);
    expect(owned).toEqual(rest);
    expect(byId).not.toHaveProperty("snapshot");
    expect(owned).not.toHaveProperty("snapshot");
    expect(whole).toEqual(created.share);
    expect(whole?.snapshot).toEqual(snapshot);
  });

  it("an extend under the resource keeps the stored snapshot, writes the expiry and its event", async () => {
    const actor = tenant.actor(tenant.members[0] ?? tenant.manager, "req-extend");
    const created = await createShare(t.services.shares, actor, report, {});
    clock.advance(DAY);
    const view = await extendShare(
      t.services.shares,
      actor,
      created.share.id,
      { expiration_days: 3 },
      { under: report },
    );
    expect(view.share).not.toHaveProperty("snapshot");
    const row = await shareRow(t.db, created.share.id);
    expect(row?.snapshot).toEqual(created.share.snapshot);
    expect(row?.expiresAt).toEqual(new Date(clock.now().getTime() + 3 * DAY));
    expect(row?.updatedAt).toEqual(clock.now());
    const events = await eventsOf(t.db, created.share.id);
    expect(events.map((e) => [e.type, e.oldExpiresAt, e.newExpiresAt])).toEqual([
      ["created", null, created.share.expiresAt],
      ["extended", created.share.expiresAt, row?.expiresAt],
    ]);
  });

  it("a refresh writes the snapshot it rebuilt over the one it never read", async () => {
    const actor = tenant.actor(tenant.manager);
    const first = (await shareRow(t.db, (await createShare(t.services.shares, actor, report, {})).share.id))
      ?.snapshot;
    clock.advance(DAY);
    const refreshed = await createShare(t.services.shares, actor, report, {});
    expect(refreshed.isExisting).toBe(true);
    const row = await shareRow(t.db, refreshed.share.id);
    expect(row?.snapshot).toEqual(refreshed.share.snapshot);
    expect(row?.snapshot.snapshot_at).toBe(clock.now().toISOString());
    expect(first?.snapshot_at).not.toBe(row?.snapshot.snapshot_at);
  });
});
