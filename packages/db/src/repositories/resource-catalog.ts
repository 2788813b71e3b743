import {
  type Page,
  type PageRequest,
  type Report,
  type ReportRun,
  type ReportSummary,
  type ResourceCatalog,
  type ScheduledReport,
  type ScheduledReportSummary,
  validationError,
} from "@sharelinks/core";
import { and, asc, desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { isUuid } from "../ids";
import { guarded } from "../pg-errors";
import { dateOf, dateOrNullOf, jsonOf, type RawQuery, rawQueryOf } from "../raw-sql";
import { reportRuns, reports, scheduledReports } from "../schema";

type ScheduleRow = typeof scheduledReports.$inferSelect;
type RunRow = typeof reportRuns.$inferSelect;

const REPORT_OF_BRAND =
  "select id, brand_id, title, status, created_by, created_at, completed_at, results from reports where id = $1 and brand_id = $2";

const runOrder = [asc(reportRuns.startedAt), asc(reportRuns.id)];

/** Reports and scheduled reports (with their runs): what shares are made of. */
export class DrizzleResourceCatalog implements ResourceCatalog {
  /** Every create and refresh of a report's link reads it: a constant text (raw-sql.ts), prepared per connection. */
  private readonly query: RawQuery;

  constructor(private readonly db: Database) {
    this.query = rawQueryOf(db.orm);
  }

  findReport(brandId: string, reportId: string): Promise<Report | null> {
    return guarded(async () => {
      if (!isUuid(brandId) || !isUuid(reportId)) return null;
      const [row] = await this.query(REPORT_OF_BRAND, [reportId, brandId]);
      if (!row) return null;
      return {
        id: row.id as string,
        brandId: row.brand_id as string,
        title: row.title as string,
        status: row.status as Report["status"],
        createdBy: row.created_by as string,
        createdAt: dateOf(row.created_at),
        completedAt: dateOrNullOf(row.completed_at),
        results: jsonOf(row.results),
      };
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

  listReportPage(brandId: string, page: PageRequest): Promise<Page<ReportSummary>> {
    return guarded(async () => {
      if (!isUuid(brandId)) return { items: [], hasMore: false };
      const { results: _rows, ...columns } = getTableColumns(reports);
      const after =
        page.startingAfter === null ? null : await this.cursor(reports, brandId, page.startingAfter);
      const rows = await this.db.orm
        .select(columns)
        .from(reports)
        .where(and(eq(reports.brandId, brandId), after === null ? undefined : before(reports, after)))
        .orderBy(desc(reports.createdAt), desc(reports.id))
        .limit(page.limit + 1);
      return { items: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
    });
  }

  listScheduledReportPage(brandId: string, page: PageRequest): Promise<Page<ScheduledReportSummary>> {
    return guarded(async () => {
      if (!isUuid(brandId)) return { items: [], hasMore: false };
      const after =
        page.startingAfter === null ? null : await this.cursor(scheduledReports, brandId, page.startingAfter);
      const rows = await this.db.orm
        .select()
        .from(scheduledReports)
        .where(
          and(
            eq(scheduledReports.brandId, brandId),
            after === null ? undefined : before(scheduledReports, after),
          ),
        )
        .orderBy(desc(scheduledReports.createdAt), desc(scheduledReports.id))
        .limit(page.limit + 1);
      return { items: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
    });
  }

  /** Where a cursor sits; one that is not the brand's cannot be placed, and says so. */
  private async cursor(table: typeof reports | typeof scheduledReports, brandId: string, id: string) {
    const [row] = isUuid(id)
      ? await this.db.orm
          .select({ createdAt: table.createdAt, id: table.id })
          .from(table)
          .where(and(eq(table.id, id), eq(table.brandId, brandId)))
      : [];
    if (!row)
      throw validationError("starting_after does not name an item of this list", { field: "starting_after" });
    return row;
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

/** Rows after the cursor, newest first; the timestamp as ISO text, as both drivers read it alike. */
const before = (table: typeof reports | typeof scheduledReports, cursor: { createdAt: Date; id: string }) =>
  sql`(${table.createdAt}, ${table.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
