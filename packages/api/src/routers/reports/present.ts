import {
  type EngineVisibility,
  type Report,
  type ReportStatus,
  type ResultRow,
  summarize,
  summarizeByEngine,
  type VisibilitySummary,
} from "@sharelinks/core";
import { iso, isoOrNull } from "../../present";

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

export const presentReportListItem = (report: Report): ReportListItem => ({
  id: report.id,
  title: report.title,
  status: report.status,
  created_by: report.createdBy,
  created_at: iso(report.createdAt),
  completed_at: isoOrNull(report.completedAt),
  result_count: report.results.length,
  summary: summarize(report.results),
});

export const presentReportDetail = (report: Report): ReportDetail => ({
  ...presentReportListItem(report),
  engines: summarizeByEngine(report.results),
  results: report.results.map((row) => ({ ...row })),
});
