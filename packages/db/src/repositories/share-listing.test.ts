import {
  createReport,
  createShare,
  DomainError,
  listMyShares,
  type Share,
  type ShareStatusFilter,
} from "@sharelinks/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createManualClock,
  createTenant,
  reusedTestDatabase,
  sampleResults,
  type Tenant,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";

const DAY = 24 * 60 * 60 * 1000;

const newestFirst = (a: Share, b: Share) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

describe.each(testDatabaseKinds())("listing shares over %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;
  let tenant: Tenant;
  let mine: Share[];

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { clock });
    tenant = await createTenant(t.services);
    const owner = tenant.actor(tenant.manager);
    mine = [];
    // 13 shares: some in the same millisecond (the id breaks the tie), some short-lived.
    for (let i = 0; i < 12; i++) {
      if (i % 3 !== 0) clock.advance(1000);
      const report = await createReport(t.services.provisioning, tenant.brand.id, {
        title: `Report ${i}`,
        created_by: tenant.manager.id,
        status: "completed",
        completed_at: clock.now().toISOString(),
        results: sampleResults(2),
      });
      const view = await createShare(
        t.services.shares,
        owner,
        { type: "report", id: report.id },
        {
          // 1 day: expired below; 8 days: inside the 7-day "expiring" window below; 30: neither.
          expiration_days: i % 4 === 0 ? 1 : i % 4 === 1 ? 8 : 30,
        },
      );
      mine.push(view.share);
    }
    mine.push(
      (await createShare(t.services.shares, owner, { type: "scheduled", id: tenant.schedule.id }, {})).share,
    );
    // A teammate's share must never show up in the manager's list.
    await createShare(
      t.services.shares,
      tenant.actor(tenant.members[0]!),
      { type: "report", id: tenant.report.id },
      {},
    );
    clock.advance(DAY + 1);
    mine.sort(newestFirst);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const expected = (status: ShareStatusFilter) =>
    mine.filter((s) => {
      const active = s.expiresAt.getTime() >= clock.now().getTime();
      if (status === "expiring") return active && s.expiresAt.getTime() <= clock.now().getTime() + 7 * DAY;
      return status === "all" || (status === "active" ? active : !active);
    });

  const walk = async (status: ShareStatusFilter, limit: number) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await listMyShares(t.services.shares, tenant.actor(tenant.manager), {
        status,
        limit,
        starting_after: after,
      });
      seen.push(...page.items.map((v) => v.share.id));
      expect(page.items.every((v) => v.accessToken !== null)).toBe(true);
      if (!page.hasMore) return seen;
      expect(page.items).toHaveLength(limit);
      after = page.items.at(-1)?.share.id;
    }
    throw new Error("pagination did not end");
  };

  it("has the mix of shares the property below needs", () => {
    expect(expected("active").length).toBeGreaterThan(3);
    expect(expected("expired").length).toBeGreaterThan(2);
    expect(expected("expiring").length).toBeGreaterThan(1);
    expect(expected("expiring").length).toBeLessThan(expected("active").length);
  });

  it("pages through exactly the caller's shares, newest first, for any page size and status", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<ShareStatusFilter>("active", "expiring", "expired", "all"),
        fc.integer({ min: 1, max: 15 }),
        async (status, limit) => {
          expect(await walk(status, limit)).toEqual(expected(status).map((s) => s.id));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("keeps other brands and other owners out", async () => {
    const other = await createTenant(t.services);
    const theirs = await listMyShares(t.services.shares, other.actor(other.manager), {
      status: "all",
      limit: 100,
    });
    expect(theirs.items).toEqual([]);

    // The owner filter is backed by the brand filter: a mismatched pair finds nothing.
    const mismatched = await t.services.shares.shares.listByOwner({
      ownerId: tenant.manager.id,
      brandId: other.brand.id,
      status: "all",
      limit: 100,
      startingAfter: null,
      now: clock.now(),
    });
    expect(mismatched.items).toEqual([]);

    const cursor = await listMyShares(t.services.shares, other.actor(other.manager), {
      status: "all",
      limit: 10,
      starting_after: mine[0]?.id,
    }).catch((e: unknown) => e);
    expect(cursor).toBeInstanceOf(DomainError);
    expect(cursor).toMatchObject({ code: "validation_error", details: { field: "starting_after" } });
  });
});
