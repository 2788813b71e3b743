import { conflict } from "../errors";
import type { Report, ResultRow, ScheduledReport } from "../reports/report";
import { type RunTrendPoint, rollUpSchedule } from "../reports/schedule-roll-up";
import {
  type EngineVisibility,
  summarize,
  summarizeByEngine,
  type VisibilitySummary,
} from "../reports/visibility";

/**
 * What a public link shows, frozen when the share is created or refreshed.
 * Keys are snake_case because the snapshot is served as JSON unchanged.
 */
export interface ReportSnapshot {
  kind: "report";
  title: string;
  generated_at: string;
  snapshot_at: string;
  summary: VisibilitySummary;
  engines: EngineVisibility[];
  results: ResultRow[];
}

export interface ScheduledReportSnapshot {
  kind: "scheduled";
  title: string;
  cadence: string;
  /** When the newest completed run finished. */
  generated_at: string;
  snapshot_at: string;
  run_count: number;
  /** Over every completed run. */
  summary: VisibilitySummary;
  engines: EngineVisibility[];
  /** Oldest run first. */
  trend: RunTrendPoint[];
  /** Rows of the newest completed run: the table a recipient reads. */
  results: ResultRow[];
}

export type Snapshot = ReportSnapshot | ScheduledReportSnapshot;

export const buildReportSnapshot = (report: Report, now: Date): ReportSnapshot => {
  if (report.status !== "completed") {
    throw conflict(`Report is ${report.status}; only a completed report can be shared`);
  }
  return {
    kind: "report",
    title: report.title,
    generated_at: (report.completedAt ?? report.createdAt).toISOString(),
    snapshot_at: now.toISOString(),
    summary: summarize(report.results),
    engines: summarizeByEngine(report.results),
    results: report.results,
  };
};

export const buildScheduledReportSnapshot = (
  schedule: ScheduledReport,
  now: Date,
): ScheduledReportSnapshot => {
  const { completedRuns, latest, summary, engines, trend } = rollUpSchedule(schedule);
  if (!latest) throw conflict("Scheduled report has no completed run to share yet");
  return {
    kind: "scheduled",
    title: schedule.name,
    cadence: schedule.cadence,
    generated_at: latest.completedAt.toISOString(),
    snapshot_at: now.toISOString(),
    run_count: completedRuns.length,
    summary,
    engines,
    trend,
    results: latest.results,
  };
};
