import type { ReportRun, ResultRow, ScheduledReport } from "./report";
import { type EngineVisibility, summarize, summarizeByEngine, type VisibilitySummary } from "./visibility";

/** A run that finished with results: the only kind a roll-up counts. */
export type CompletedRun = ReportRun & { status: "completed"; completedAt: Date };

export interface RunTrendPoint {
  run_id: string;
  completed_at: string;
  visibility_rate: number;
}

/**
 * A schedule seen across its history: what the shared snapshot freezes and
 * what the dashboard draws, computed here only.
 */
export interface ScheduleRollUp {
  /** Oldest completion first. */
  completedRuns: CompletedRun[];
  /** The newest completed run; null before the first one finishes. */
  latest: CompletedRun | null;
  /** Over every row of every completed run. */
  summary: VisibilitySummary;
  engines: EngineVisibility[];
  /** One point per completed run, oldest first. */
  trend: RunTrendPoint[];
}

const isCompleted = (run: ReportRun): run is CompletedRun =>
  run.status === "completed" && run.completedAt !== null;

/** Failed and running runs are left out; the schedule's own array is not reordered. */
export const completedRunsOf = (runs: readonly ReportRun[]): CompletedRun[] =>
  runs.filter(isCompleted).sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());

export const rollUpSchedule = (schedule: Pick<ScheduledReport, "runs">): ScheduleRollUp => {
  const completedRuns = completedRunsOf(schedule.runs);
  const rows: ResultRow[] = completedRuns.flatMap((run) => run.results);
  return {
    completedRuns,
    latest: completedRuns.at(-1) ?? null,
    summary: summarize(rows),
    engines: summarizeByEngine(rows),
    trend: completedRuns.map((run) => ({
      run_id: run.id,
      completed_at: run.completedAt.toISOString(),
      visibility_rate: summarize(run.results).visibility_rate,
    })),
  };
};
