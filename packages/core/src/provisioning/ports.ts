import type { ReportReader } from "../reports/ports";
import type { Report, ReportRun, ScheduledReport } from "../reports/report";

/** The brand's reports: what the host product writes in and the API lists. */
export interface ResourceCatalog extends ReportReader {
  insertReport(report: Report): Promise<void>;
  insertScheduledReport(schedule: Omit<ScheduledReport, "runs">): Promise<void>;
  /** Null when the schedule does not exist. */
  findScheduledReportById(scheduledReportId: string): Promise<ScheduledReport | null>;
  insertRun(run: ReportRun): Promise<void>;
}
