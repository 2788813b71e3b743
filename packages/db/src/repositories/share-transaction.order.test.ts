import { randomUUID } from "node:crypto";
import { createShare, type ResourceRef, type ShareWithoutSnapshot } from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTenant,
  reusedTestDatabase,
  type Tenant,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";

/**
 * The share transaction sends a lock and the read under it together when a
 * use case does not wait between them (createShare, REST's extend): they must
 * still run in that order, the read after the lock is granted, so it sees
 * what the previous holder of the lock committed (what the cap relies on).
 */
describe.each(testDatabaseKinds())("share transaction calls in call order over %s", (kind) => {
  let t: TestDatabase;
  let tenant: Tenant;
  let report: ResourceRef;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { maxConnections: 4 });
    tenant = await createTenant(t.services, { members: 2 });
    report = { type: "report", id: tenant.report.id };
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("a read sent with the lock sees the share the lock's previous holder committed", async () => {
    const [first, second] = tenant.members;
    if (!first || !second) throw new Error("two members expected");
    const repo = t.services.shares.shares;
    const model = (await createShare(t.services.shares, tenant.actor(first), report, {})).share;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const holding = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = repo.transaction(async (tx) => {
      await tx.lockResource(report);
      await tx.insert({ ...model, id: randomUUID(), ownerId: second.id, tokenHash: `order-${randomUUID()}` });
      // A read sends the held-back insert.
      expect(await tx.countActive(report, model.createdAt)).toBe(2);
      locked();
      await gate;
    });
    await holding;
    let found: ShareWithoutSnapshot | null | undefined;
    const waiter = repo.transaction(async (tx) => {
      [, found] = await Promise.all([tx.lockResource(report), tx.findOwned(second.id, report)]);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(found).toBeUndefined();
    release();
    await Promise.all([holder, waiter]);
    expect(found).toMatchObject({ ownerId: second.id, resource: report });
  });

  it("a lock that finds no resource fails the calls sent with it as not_found", async () => {
    const [first] = tenant.members;
    if (!first) throw new Error("a member expected");
    const gone: ResourceRef = { type: "report", id: randomUUID() };
    await expect(
      t.services.shares.shares.transaction((tx) =>
        Promise.all([tx.lockResource(gone), tx.findOwned(first.id, gone)]),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
