import {
  completedRunsOf,
  type EngineVisibility,
  getScheduledReport,
  listScheduledReports,
  type ReportRun,
  type ResultRow,
  type RunStatus,
  type RunTrendPoint,
  rollUpSchedule,
  type ScheduledReport,
  summarize,
  summarizeByEngine,
  type VisibilitySummary,
} from "@sharelinks/core";
import { iso, isoOrNull } from "../present";
import { byIdInputSchema } from "../schemas";
import { authedProcedure } from "../trpc";

export interface ScheduleListItem {
  id: string;
  name: string;
  cadence: string;
  created_by: string;
  created_at: string;
  run_count: number;
  completed_run_count: number;
  /** When the newest completed run finished; null before the first one. */
  last_completed_at: string | null;
}

export interface RunItem {
  id: string;
  status: RunStatus;
  started_at: string;
  completed_at: string | null;
  result_count: number;
  summary: VisibilitySummary;
  engines: EngineVisibility[];
  results: ResultRow[];
}

/** Core's roll-up over the completed runs: the numbers a shared snapshot of the schedule shows. */
export interface ScheduleRollUpItem {
  summary: VisibilitySummary;
  engines: EngineVisibility[];
  /** One point per completed run, oldest first. */
  trend: RunTrendPoint[];
  /** The newest completed run; null before the first one completes. */
  latest_run_id: string | null;
}

export interface ScheduleDetail extends ScheduleListItem {
  /** Oldest first, every status included. */
  runs: RunItem[];
  roll_up: ScheduleRollUpItem;
}

const presentScheduleListItem = (schedule: ScheduledReport): ScheduleListItem => {
  const completed = completedRunsOf(schedule.runs);
  const lastCompleted = completed.at(-1)?.completedAt ?? null;
  return {
    id: schedule.id,
    name: schedule.name,
    cadence: schedule.cadence,
    created_by: schedule.createdBy,
    created_at: iso(schedule.createdAt),
    run_count: schedule.runs.length,
    completed_run_count: completed.length,
    last_completed_at: isoOrNull(lastCompleted),
  };
};

const presentRun = (run: ReportRun): RunItem => ({
  id: run.id,
  status: run.status,
  started_at: iso(run.startedAt),
  completed_at: isoOrNull(run.completedAt),
  result_count: run.results.length,
  summary: summarize(run.results),
  engines: summarizeByEngine(run.results),
  results: run.results.map((row) => ({ ...row })),
});

const presentScheduleDetail = (schedule: ScheduledReport): ScheduleDetail => {
  const { summary, engines, trend, latest } = rollUpSchedule(schedule);
  return {
    ...presentScheduleListItem(schedule),
    runs: schedule.runs.map(presentRun),
    roll_up: { summary, engines, trend, latest_run_id: latest?.id ?? null },
  };
};

export const schedulesRouter = {
  /** The caller's brand's scheduled reports, newest first. */
  listScheduledReports: authedProcedure.query(async ({ ctx }): Promise<ScheduleListItem[]> => {
    const schedules = await listScheduledReports(ctx.services.provisioning, ctx.actor);
    return schedules.map(presentScheduleListItem);
  }),

  /** Another brand's schedule is simply not found. */
  getScheduledReport: authedProcedure
    .input(byIdInputSchema)
    .query(
      async ({ ctx, input }): Promise<ScheduleDetail> =>
        presentScheduleDetail(await getScheduledReport(ctx.services.provisioning, ctx.actor, input.id)),
    ),
};
