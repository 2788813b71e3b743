import {
  addRun,
  createReport,
  createScheduledReport,
  createShare,
  type ScheduledReportSnapshot,
} from "@sharelinks/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reports, shares } from "../schema";
import {
  createManualClock,
  createTenant,
  reusedTestDatabase,
  sampleResults,
  type Tenant,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";

describe.each(testDatabaseKinds())("resource catalog over %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { clock });
    tenant = await createTenant(t.services);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("lists a brand's reports newest first, results included, and nobody else's", async () => {
    clock.advance(1000);
    const newer = await createReport(t.services.provisioning, tenant.brand.id, {
      title: "Newer",
      created_by: tenant.members[0]!.id,
      status: "running",
      results: [],
    });
    const other = await createTenant(t.services);
    const catalog = t.services.provisioning.catalog;

    const listed = await catalog.listReports(tenant.brand.id);
    expect(listed.map((r) => r.id)).toEqual([newer.id, tenant.report.id]);
    expect(listed[1]).toEqual(tenant.report);
    expect(await catalog.findReport(other.brand.id, tenant.report.id)).toBeNull();
    expect(await catalog.findReport(tenant.brand.id, tenant.report.id)).toEqual(tenant.report);
  });

  it("keeps runs oldest first and rolls only completed ones into a schedule's snapshot", async () => {
    const deps = t.services.provisioning;
    const schedule = await createScheduledReport(deps, tenant.brand.id, {
      name: "Daily",
      cadence: "daily",
      created_by: tenant.manager.id,
    });
    const at = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000).toISOString();
    await addRun(deps, schedule.id, { status: "running", started_at: at(3), results: [] });
    const second = await addRun(deps, schedule.id, {
      status: "completed",
      started_at: at(2),
      completed_at: at(2.5),
      results: sampleResults(4),
    });
    await addRun(deps, schedule.id, {
      status: "failed",
      started_at: at(1.5),
      completed_at: at(1.6),
      results: [],
    });
    const first = await addRun(deps, schedule.id, {
      status: "completed",
      started_at: at(1),
      completed_at: at(1.2),
      results: sampleResults(2),
    });

    const found = await deps.catalog.findScheduledReport(tenant.brand.id, schedule.id);
    expect(found?.runs.map((r) => r.status)).toEqual(["completed", "failed", "completed", "running"]);
    expect(found?.runs[0]).toEqual(first);

    const listed = await deps.catalog.listScheduledReports(tenant.brand.id);
    expect(listed.map((s) => s.id)).toEqual([schedule.id, tenant.schedule.id]);
    expect(listed[0]?.runs).toHaveLength(4);
    expect(listed[1]?.runs).toHaveLength(1);

    const view = await createShare(
      t.services.shares,
      tenant.actor(tenant.manager),
      { type: "scheduled", id: schedule.id },
      {},
    );
    const snapshot = view.share.snapshot as ScheduledReportSnapshot;
    expect(snapshot.run_count).toBe(2);
    expect(snapshot.trend.map((p) => p.run_id)).toEqual([first.id, second.id]);
    expect(snapshot.results).toEqual(second.results);
  });

  it("deletes a report's links with the report (the only cascade a share has)", async () => {
    const report = await createReport(t.services.provisioning, tenant.brand.id, {
      title: "Doomed",
      created_by: tenant.manager.id,
      status: "completed",
      completed_at: clock.now().toISOString(),
      results: sampleResults(1),
    });
    const view = await createShare(
      t.services.shares,
      tenant.actor(tenant.manager),
      { type: "report", id: report.id },
      {},
    );
    await t.db.orm.delete(reports).where(eq(reports.id, report.id));
    expect(await t.db.orm.select().from(shares).where(eq(shares.id, view.share.id))).toEqual([]);
  });
});
