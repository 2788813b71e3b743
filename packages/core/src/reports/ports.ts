import type { Page } from "../shares/ports";
import type { Report, ScheduledReport } from "./report";

/** A report in a list: everything but its result rows (the detail endpoint has them). */
export type ReportSummary = Omit<Report, "results">;
/** A schedule in a list: everything but its runs and their rows. */
export type ScheduledReportSummary = Omit<ScheduledReport, "runs">;

export interface PageRequest {
  limit: number;
  /** The id of the last item of the previous page; null for the first page. */
  startingAfter: string | null;
}

/** Read access to the brand's reports; null for unknown ids and other brands alike. */
export interface ResourceReader {
  findReport(brandId: string, reportId: string): Promise<Report | null>;
  findScheduledReport(brandId: string, scheduledReportId: string): Promise<ScheduledReport | null>;
}

/** The brand's reports as the API and the dashboard read them. */
export interface ReportReader extends ResourceReader {
  /** Newest first; results included. */
  listReports(brandId: string): Promise<Report[]>;
  /** Newest first; runs included. */
  listScheduledReports(brandId: string): Promise<ScheduledReport[]>;
  /**
   * Newest first, a page at a time, without result rows or runs. A
   * `startingAfter` that is not one of the brand's is a validation error.
   */
  listReportPage(brandId: string, page: PageRequest): Promise<Page<ReportSummary>>;
  listScheduledReportPage(brandId: string, page: PageRequest): Promise<Page<ScheduledReportSummary>>;
}
