import type { Report, ScheduledReport } from "./report";

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
}
