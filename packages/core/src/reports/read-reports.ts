import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { ReportReader } from "./ports";
import type { Report, ScheduledReport } from "./report";

export interface ReportReadDeps {
  catalog: ReportReader;
}

/** The caller's brand's reports, newest first. Other brands' never appear. */
export const listReports = (deps: ReportReadDeps, actor: Pick<Actor, "brandId">): Promise<Report[]> =>
  deps.catalog.listReports(actor.brandId);

/** Another brand's report is not found, never forbidden: existence does not leak. */
export const getReport = async (
  deps: ReportReadDeps,
  actor: Pick<Actor, "brandId">,
  reportId: string,
): Promise<Report> => {
  const report = await deps.catalog.findReport(actor.brandId, reportId);
  if (!report) throw notFound("Report");
  return report;
};

export const listScheduledReports = (
  deps: ReportReadDeps,
  actor: Pick<Actor, "brandId">,
): Promise<ScheduledReport[]> => deps.catalog.listScheduledReports(actor.brandId);

export const getScheduledReport = async (
  deps: ReportReadDeps,
  actor: Pick<Actor, "brandId">,
  scheduledReportId: string,
): Promise<ScheduledReport> => {
  const schedule = await deps.catalog.findScheduledReport(actor.brandId, scheduledReportId);
  if (!schedule) throw notFound("Scheduled report");
  return schedule;
};
