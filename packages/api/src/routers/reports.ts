import {
  type EngineVisibility,
  getReport,
  listReports,
  type Report,
  type ReportStatus,
  type ResultRow,
  summarize,
  summarizeByEngine,
  type VisibilitySummary,
} from "@sharelinks/core";
import { iso, isoOrNull } from "../present";
import { byIdInputSchema } from "../schemas";
import { authedProcedure } from "../trpc";

export interface ReportListItem {
  id: string;
  title: string;
  status: ReportStatus;
  created_by: string;
  created_at: string;
  completed_at: string | null;
  result_count: number;
  summary: VisibilitySummary;
}

export interface ReportDetail extends ReportListItem {
  engines: EngineVisibility[];
  results: ResultRow[];
}

const presentReportListItem = (report: Report): ReportListItem => ({
  id: report.id,
  title: report.title,
  status: report.status,
  created_by: report.createdBy,
  created_at: iso(report.createdAt),
  completed_at: isoOrNull(report.completedAt),
  result_count: report.results.length,
  summary: summarize(report.results),
});

const presentReportDetail = (report: Report): ReportDetail => ({
  ...presentReportListItem(report),
  engines: summarizeByEngine(report.results),
  results: report.results.map((row) => ({ ...row })),
});

export const reportsRouter = {
  /** The caller's brand's reports, newest first. */
  listReports: authedProcedure.query(async ({ ctx }): Promise<ReportListItem[]> => {
    const reports = await listReports(ctx.services.provisioning, ctx.actor);
    return reports.map(presentReportListItem);
  }),

  /** Another brand's report is simply not found. */
  getReport: authedProcedure
    .input(byIdInputSchema)
    .query(
      async ({ ctx, input }): Promise<ReportDetail> =>
        presentReportDetail(await getReport(ctx.services.provisioning, ctx.actor, input.id)),
    ),
};
