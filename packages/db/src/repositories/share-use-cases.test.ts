import {
  cancelShares,
  createShare,
  DomainError,
  extendShare,
  hashToken,
  listResourceShares,
  type ResourceRef,
  readPublicShare,
  removeShare,
  revokeMyShares,
  type ShareRepository,
  type ShareTransaction,
  updateBrand,
} from "@sharelinks/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { constraintOf, isUniqueViolation } from "../pg-errors";
import { shareEvents, shares } from "../schema";
import {
  createManualClock,
  createTenant,
  createTestDatabase,
  eventsOf,
  shareRow,
  type Tenant,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";
import { rowFromShare } from "./share-rows";

const DAY = 24 * 60 * 60 * 1000;

/** Awaits a promise expected to fail with a DomainError and hands the error back. */
const domainError = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe.each(testDatabaseKinds())("share use cases over %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;
  let tenant: Tenant;
  let report: ResourceRef;
  let schedule: ResourceRef;

  beforeAll(async () => {
    t = await createTestDatabase(kind, { clock });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const fresh = async () => {
    tenant = await createTenant(t.services);
    report = { type: "report", id: tenant.report.id };
    schedule = { type: "scheduled", id: tenant.schedule.id };
  };

  describe("create", () => {
    beforeAll(fresh);

    it("stores the share with hash and ciphertext, and an audit row", async () => {
      const actor = tenant.actor(tenant.manager, "req-create");
      const view = await createShare(t.services.shares, actor, report, { expiration_days: 7 });
      expect(view.isExisting).toBe(false);
      const token = view.accessToken as string;

      const row = await shareRow(t.db, view.share.id);
      expect(row).toMatchObject({
        brandId: tenant.brand.id,
        ownerId: tenant.manager.id,
        resourceType: "report",
        reportId: tenant.report.id,
        scheduledReportId: null,
        tokenHash: hashToken(token),
        whiteLabel: null,
      });
      expect(row?.tokenCiphertext).not.toContain(token);
      expect(t.services.shares.tokenCipher.decrypt(row?.tokenCiphertext as string)).toBe(token);
      expect(row?.expiresAt).toEqual(new Date(clock.now().getTime() + 7 * DAY));
      expect(row?.snapshot).toMatchObject({ kind: "report", title: tenant.report.title });

      const events = await eventsOf(t.db, view.share.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: "created",
        actorId: tenant.manager.id,
        brandId: tenant.brand.id,
        requestId: "req-create",
        oldExpiresAt: null,
        newExpiresAt: row?.expiresAt,
      });
    });

    it("refreshes the caller's active share: same id and token, new snapshot, expiry kept unless sent", async () => {
      const actor = tenant.actor(tenant.manager);
      await revokeMyShares(t.services.shares, actor, report);
      const first = await createShare(t.services.shares, actor, report, {});
      clock.advance(60_000);
      const again = await createShare(t.services.shares, actor, report, {
        white_label_config: { primary_color: "#112233" },
      });
      expect(again.isExisting).toBe(true);
      expect(again.share.id).toBe(first.share.id);
      expect(again.accessToken).toBe(first.accessToken);

      const row = await shareRow(t.db, first.share.id);
      expect(row?.expiresAt).toEqual(first.share.expiresAt);
      expect(row?.whiteLabel).toEqual({ primary_color: "#112233" });
      expect(row?.updatedAt).toEqual(clock.now());
      expect(row?.snapshot.snapshot_at).toBe(clock.now().toISOString());

      await createShare(t.services.shares, actor, report, { expiration_days: 2 });
      const extended = await shareRow(t.db, first.share.id);
      expect(extended?.expiresAt).toEqual(new Date(clock.now().getTime() + 2 * DAY));
      // white_label_config not sent: kept.
      expect(extended?.whiteLabel).toEqual({ primary_color: "#112233" });

      const types = (await eventsOf(t.db, first.share.id)).map((e) => e.type);
      expect(types.slice(-2)).toEqual(["refreshed", "refreshed"]);
    });

    it("rotates: the old row is gone, its token dead at once, the new one audited", async () => {
      const actor = tenant.actor(tenant.members[0]!);
      const old = await createShare(t.services.shares, actor, schedule, {});
      const rotated = await createShare(t.services.shares, actor, schedule, { rotate: true });
      expect(rotated.isExisting).toBe(false);
      expect(rotated.share.id).not.toBe(old.share.id);
      expect(rotated.accessToken).not.toBe(old.accessToken);

      expect(await shareRow(t.db, old.share.id)).toBeNull();
      expect(
        (await domainError(readPublicShare(t.services.publicRead, old.accessToken as string))).code,
      ).toBe("not_found");
      const page = await readPublicShare(t.services.publicRead, rotated.accessToken as string);
      expect(page.share_type).toBe("scheduled");

      const [event] = await eventsOf(t.db, rotated.share.id);
      expect(event).toMatchObject({ type: "rotated", metadata: { replaced_share_id: old.share.id } });
    });

    it("replaces the caller's expired share with a new one", async () => {
      const actor = tenant.actor(tenant.members[1]!);
      const old = await createShare(t.services.shares, actor, report, { expiration_days: 1 });
      clock.advance(DAY + 1);
      const renewed = await createShare(t.services.shares, actor, report, {});
      expect(renewed.isExisting).toBe(false);
      expect(renewed.share.id).not.toBe(old.share.id);
      expect(await shareRow(t.db, old.share.id)).toBeNull();
      expect((await eventsOf(t.db, renewed.share.id))[0]).toMatchObject({
        type: "created",
        metadata: { replaced_share_id: old.share.id },
      });
    });

    it("refuses reports that are not completed, and other brands' resources", async () => {
      const other = await createTenant(t.services);
      const error = await domainError(createShare(t.services.shares, other.actor(other.manager), report, {}));
      expect(error.code).toBe("not_found");
      const malformed = await domainError(
        createShare(
          t.services.shares,
          tenant.actor(tenant.manager),
          { type: "report", id: "not-a-uuid" },
          {},
        ),
      );
      expect(malformed.code).toBe("not_found");
    });
  });

  describe("extend, revoke, remove, cancel", () => {
    beforeAll(fresh);

    it("extends from now, owner only, and revives an expired share", async () => {
      const owner = tenant.actor(tenant.members[0]!);
      const view = await createShare(t.services.shares, owner, report, { expiration_days: 1 });
      clock.advance(2 * DAY);
      expect(
        (await domainError(readPublicShare(t.services.publicRead, view.accessToken as string))).code,
      ).toBe("gone");

      for (const intruder of [tenant.manager, tenant.members[1]!]) {
        const error = await domainError(
          extendShare(t.services.shares, tenant.actor(intruder), view.share.id, { expiration_days: 5 }),
        );
        expect(error.code).toBe("forbidden");
      }

      const extended = await extendShare(
        t.services.shares,
        owner,
        view.share.id,
        { expiration_days: 5 },
        report,
      );
      expect(extended.accessToken).toBe(view.accessToken);
      const row = await shareRow(t.db, view.share.id);
      expect(row?.expiresAt).toEqual(new Date(clock.now().getTime() + 5 * DAY));
      await expect(readPublicShare(t.services.publicRead, view.accessToken as string)).resolves.toBeTruthy();

      const events = await eventsOf(t.db, view.share.id);
      expect(events.at(-1)).toMatchObject({
        type: "extended",
        oldExpiresAt: view.share.expiresAt,
        newExpiresAt: row?.expiresAt,
      });
    });

    it("revokes only the caller's shares, idempotently", async () => {
      const mine = await createShare(t.services.shares, tenant.actor(tenant.members[1]!), schedule, {});
      const theirs = await createShare(t.services.shares, tenant.actor(tenant.manager), schedule, {});

      expect(await revokeMyShares(t.services.shares, tenant.actor(tenant.members[1]!), schedule)).toBe(1);
      expect(await revokeMyShares(t.services.shares, tenant.actor(tenant.members[1]!), schedule)).toBe(0);
      expect(await shareRow(t.db, mine.share.id)).toBeNull();
      expect(await shareRow(t.db, theirs.share.id)).not.toBeNull();
      expect((await eventsOf(t.db, mine.share.id)).map((e) => e.type)).toEqual(["created", "revoked"]);
    });

    it("removes for the owner or a manager, never for another member or brand", async () => {
      const view = await createShare(t.services.shares, tenant.actor(tenant.members[0]!), schedule, {});
      const member = await domainError(
        removeShare(t.services.shares, tenant.actor(tenant.members[1]!), view.share.id),
      );
      expect(member.code).toBe("forbidden");
      const other = await createTenant(t.services);
      const outsider = await domainError(
        removeShare(t.services.shares, other.actor(other.manager), view.share.id),
      );
      expect(outsider.code).toBe("not_found");
      const wrongPath = await domainError(
        removeShare(t.services.shares, tenant.actor(tenant.manager), view.share.id, report),
      );
      expect(wrongPath.code).toBe("not_found");

      await removeShare(t.services.shares, tenant.actor(tenant.manager, "req-rm"), view.share.id, schedule);
      expect(await shareRow(t.db, view.share.id)).toBeNull();
      expect((await eventsOf(t.db, view.share.id)).at(-1)).toMatchObject({
        type: "removed",
        actorId: tenant.manager.id,
        requestId: "req-rm",
      });
      // The report itself is untouched.
      expect(
        await t.services.shares.resources.findScheduledReport(tenant.brand.id, tenant.schedule.id),
      ).not.toBeNull();
    });

    it("cancels in bulk with one result per distinct id", async () => {
      const a = await createShare(t.services.shares, tenant.actor(tenant.members[0]!), report, {
        rotate: true,
      });
      const b = await createShare(t.services.shares, tenant.actor(tenant.manager), report, { rotate: true });
      const unknown = "00000000-0000-4000-8000-000000000000";
      const results = await cancelShares(t.services.shares, tenant.actor(tenant.members[0]!), {
        share_ids: [a.share.id, b.share.id, unknown, a.share.id.toUpperCase()],
      });
      expect(results).toEqual([
        { share_id: a.share.id, status: "cancelled" },
        { share_id: b.share.id, status: "forbidden" },
        { share_id: unknown, status: "not_found" },
      ]);
      expect(await shareRow(t.db, a.share.id)).toBeNull();
      expect(await shareRow(t.db, b.share.id)).not.toBeNull();
      expect((await eventsOf(t.db, a.share.id)).at(-1)?.type).toBe("cancelled");
    });
  });

  describe("reads", () => {
    beforeAll(fresh);

    it("lists a resource's active shares newest first, withholding teammates' tokens", async () => {
      const expired = await createShare(t.services.shares, tenant.actor(tenant.members[1]!), report, {
        expiration_days: 1,
      });
      clock.advance(DAY + 1);
      const first = await createShare(t.services.shares, tenant.actor(tenant.manager), report, {});
      clock.advance(1000);
      const second = await createShare(t.services.shares, tenant.actor(tenant.members[0]!), report, {});

      const views = await listResourceShares(t.services.shares, tenant.actor(tenant.manager), report);
      expect(views.map((v) => v.share.id)).toEqual([second.share.id, first.share.id]);
      expect(views.map((v) => v.share.id)).not.toContain(expired.share.id);
      expect(views[0]?.accessToken).toBeNull();
      expect(views[1]?.accessToken).toBe(first.accessToken);
    });

    it("serves the public page from one lookup, brand defaults merged under the override", async () => {
      await updateBrand(t.services.provisioning, tenant.brand.id, {
        white_label: { company_name: "Brand Co", primary_color: "#000000", hide_powered_by: true },
      });
      const view = await createShare(t.services.shares, tenant.actor(tenant.manager), schedule, {
        white_label_config: { primary_color: "#FFFFFF" },
      });
      const page = await readPublicShare(t.services.publicRead, view.accessToken as string);
      expect(page).toMatchObject({
        share_type: "scheduled",
        title: tenant.schedule.name,
        expires_at: view.share.expiresAt.toISOString(),
        white_label: {
          company_name: "Brand Co",
          primary_color: "#FFFFFF",
          hide_powered_by: true,
          logo_url: null,
        },
        snapshot: { kind: "scheduled", run_count: 1 },
      });
      const unknown = await domainError(readPublicShare(t.services.publicRead, "A".repeat(43)));
      expect(unknown.code).toBe("not_found");
    });
  });

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
