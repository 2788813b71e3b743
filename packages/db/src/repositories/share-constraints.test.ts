import {
  createShare,
  extendShare,
  hashToken,
  type ResourceRef,
  type ShareRepository,
  type ShareTransaction,
} from "@sharelinks/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { constraintOf, isUniqueViolation } from "../pg-errors";
import { shareEvents, shares } from "../schema";
import {
  createManualClock,
  createTenant,
  domainError,
  reusedTestDatabase,
  type Tenant,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";
import { rowFromShare } from "./share-rows";

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())("share cap and table constraints over %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;
  let tenant: Tenant;
  let report: ResourceRef;
  let schedule: ResourceRef;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { clock });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const fresh = async () => {
    tenant = await createTenant(t.services);
    report = { type: "report", id: tenant.report.id };
    schedule = { type: "scheduled", id: tenant.schedule.id };
  };
  describe("the per-resource cap", () => {
    beforeAll(async () => {
      tenant = await createTenant(t.services, { members: 4 });
      report = { type: "report", id: tenant.report.id };
    });

    it("blocks the share past the cap, but never a refresh, and a rotate frees its own slot", async () => {
      const deps = { ...t.services.shares, activeSharesPerResource: 3 };
      const [m1, m2, m3, m4] = tenant.members.map((m) => tenant.actor(m));
      for (const actor of [m1!, m2!, m3!]) await createShare(deps, actor, report, {});

      const blocked = await domainError(createShare(deps, m4!, report, {}));
      expect(blocked.code).toBe("validation_error");
      expect(blocked.details).toEqual({ reason: "share_limit_reached", limit: 3 });

      expect((await createShare(deps, m1!, report, {})).isExisting).toBe(true);
      expect((await createShare(deps, m2!, report, { rotate: true })).isExisting).toBe(false);
      const active = await t.services.shares.shares.listActiveByResource(report, clock.now());
      expect(active).toHaveLength(3);
    });

    it("counts a revived share against the cap", async () => {
      const deps = { ...t.services.shares, activeSharesPerResource: 3 };
      const sched: ResourceRef = { type: "scheduled", id: tenant.schedule.id };
      const [m1, m2, m3, m4] = tenant.members.map((m) => tenant.actor(m));
      const short = await createShare(deps, m1!, sched, { expiration_days: 1 });
      clock.advance(DAY + 1);
      for (const actor of [m2!, m3!, m4!]) await createShare(deps, actor, sched, {});
      const error = await domainError(extendShare(deps, m1!, short.share.id, { expiration_days: 3 }));
      expect(error.details).toMatchObject({ reason: "share_limit_reached" });
    });
  });

  describe("the database itself", () => {
    beforeAll(fresh);

    /** A second share for the same owner and resource, written straight to the table. */
    const insertDuplicate = async (resource: ResourceRef) => {
      const view = await createShare(t.services.shares, tenant.actor(tenant.manager), resource, {});
      const copy = { ...view.share, id: crypto.randomUUID(), tokenHash: hashToken(crypto.randomUUID()) };
      return t.db.orm
        .insert(shares)
        .values(rowFromShare(copy))
        .then(
          () => null,
          (e: unknown) => e,
        );
    };

    it("holds at most one share per owner and resource, whatever the code does", async () => {
      expect(isUniqueViolation(await insertDuplicate(report), "shares_owner_report_key")).toBe(true);
      expect(isUniqueViolation(await insertDuplicate(schedule), "shares_owner_scheduled_report_key")).toBe(
        true,
      );
    });

    it("refuses a share whose resource columns disagree with its type", async () => {
      const view = await createShare(t.services.shares, tenant.actor(tenant.members[0]!), report, {});
      const row = rowFromShare({ ...view.share, id: crypto.randomUUID(), ownerId: tenant.members[1]!.id });
      const error = await t.db.orm
        .insert(shares)
        .values({ ...row, tokenHash: hashToken("mismatch"), resourceType: "scheduled" })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(constraintOf(error)).toBe("shares_resource_matches_type");
    });

    it("rolls a failed use case back: no partial share, no orphan event", async () => {
      const actor = tenant.actor(tenant.members[1]!);
      const repo = t.services.shares.shares;
      // Same repository, except that the audit write (after the share row) fails.
      const failingRepo: ShareRepository = Object.assign(Object.create(repo), {
        transaction: <T>(work: (tx: ShareTransaction) => Promise<T>) =>
          repo.transaction((tx) =>
            work(
              Object.assign(Object.create(tx), {
                recordEvent: async () => {
                  throw new Error("audit store exploded");
                },
              }),
            ),
          ),
      });
      const deps = { ...t.services.shares, shares: failingRepo };
      await expect(createShare(deps, actor, schedule, {})).rejects.toThrow("audit store exploded");

      const left = await t.db.orm.select().from(shares).where(eq(shares.ownerId, actor.userId));
      expect(left).toEqual([]);
      const orphans = await t.db.orm.select().from(shareEvents).where(eq(shareEvents.actorId, actor.userId));
      expect(orphans).toEqual([]);
    });
  });
});
