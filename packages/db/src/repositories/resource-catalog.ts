import type { Report, ReportRun, ResourceCatalog, ScheduledReport } from "@sharelinks/core";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { isUuid } from "../ids";
import { guarded } from "../pg-errors";
import { reportRuns, reports, scheduledReports } from "../schema";

type ScheduleRow = typeof scheduledReports.$inferSelect;
type RunRow = typeof reportRuns.$inferSelect;

const runOrder = [asc(reportRuns.startedAt), asc(reportRuns.id)];

/** Reports and scheduled reports (with their runs): what shares are made of. */
export class DrizzleResourceCatalog implements ResourceCatalog {
  constructor(private readonly db: Database) {}

  findReport(brandId: string, reportId: string): Promise<Report | null> {
    return guarded(async () => {
      if (!isUuid(brandId) || !isUuid(reportId)) return null;
      const [row] = await this.db.orm
        .select()
        .from(reports)
        .where(and(eq(reports.id, reportId), eq(reports.brandId, brandId)));
      return row ?? null;
    });
  }

  findScheduledReport(brandId: string, scheduledReportId: string): Promise<ScheduledReport | null> {
    return guarded(async () => {
      if (!isUuid(brandId) || !isUuid(scheduledReportId)) return null;
      const [row] = await this.db.orm
        .select()
        .from(scheduledReports)
        .where(and(eq(scheduledReports.id, scheduledReportId), eq(scheduledReports.brandId, brandId)));
      return row ? this.withRuns(row) : null;
    });
  }

  findScheduledReportById(scheduledReportId: string): Promise<ScheduledReport | null> {
    return guarded(async () => {
      if (!isUuid(scheduledReportId)) return null;
      const [row] = await this.db.orm
        .select()
        .from(scheduledReports)
        .where(eq(scheduledReports.id, scheduledReportId));
      return row ? this.withRuns(row) : null;
    });
  }

  listReports(brandId: string): Promise<Report[]> {
    return guarded(async () => {
      if (!isUuid(brandId)) return [];
      return this.db.orm
        .select()
        .from(reports)
        .where(eq(reports.brandId, brandId))
        .orderBy(desc(reports.createdAt), desc(reports.id));
    });
  }

  /** Two queries whatever the number of schedules: the schedules, then all their runs at once. */
  listScheduledReports(brandId: string): Promise<ScheduledReport[]> {
    return guarded(async () => {
      if (!isUuid(brandId)) return [];
      const schedules = await this.db.orm
        .select()
        .from(scheduledReports)
        .where(eq(scheduledReports.brandId, brandId))
        .orderBy(desc(scheduledReports.createdAt), desc(scheduledReports.id));
      if (schedules.length === 0) return [];
      const runs = await this.db.orm
        .select()
        .from(reportRuns)
        .where(
          inArray(
            reportRuns.scheduledReportId,
            schedules.map((s) => s.id),
          ),
        )
        .orderBy(...runOrder);
      const bySchedule = new Map<string, ReportRun[]>(schedules.map((s) => [s.id, []]));
      for (const run of runs) bySchedule.get(run.scheduledReportId)?.push(runFromRow(run));
      return schedules.map((schedule) => ({ ...schedule, runs: bySchedule.get(schedule.id) ?? [] }));
    });
  }

  insertReport(report: Report): Promise<void> {
    return guarded(async () => void (await this.db.orm.insert(reports).values(report)));
  }

  insertScheduledReport(schedule: Omit<ScheduledReport, "runs">): Promise<void> {
    return guarded(async () => void (await this.db.orm.insert(scheduledReports).values(schedule)));
  }

  insertRun(run: ReportRun): Promise<void> {
    return guarded(async () => void (await this.db.orm.insert(reportRuns).values(run)));
  }

  private async withRuns(schedule: ScheduleRow): Promise<ScheduledReport> {
    const runs = await this.db.orm
      .select()
      .from(reportRuns)
      .where(eq(reportRuns.scheduledReportId, schedule.id))
      .orderBy(...runOrder);
    return { ...schedule, runs: runs.map(runFromRow) };
  }
}

const runFromRow = (row: RunRow): ReportRun => row;
