import type { Report, ReportRun, ScheduledReport } from "../reports/report";
import type { ResourceReader } from "../shares/ports";

/** The brand's reports: what the host product writes in and the API lists. */
export interface ResourceCatalog extends ResourceReader {
  /** Newest first; results included. */
  listReports(brandId: string): Promise<Report[]>;
  /** Newest first; runs included. */
  listScheduledReports(brandId: string): Promise<ScheduledReport[]>;
  insertReport(report: Report): Promise<void>;
  insertScheduledReport(schedule: Omit<ScheduledReport, "runs">): Promise<void>;
  /** Null when the schedule does not exist. */
  findScheduledReportById(scheduledReportId: string): Promise<ScheduledReport | null>;
  insertRun(run: ReportRun): Promise<void>;
}
