import {
  buildReportSnapshot,
  buildScheduledReportSnapshot,
  type ReportRun,
  type ResultRow,
  type Snapshot,
} from "@sharelinks/core";
import { demoResultRows, prng } from "@sharelinks/db";

/**
 * Report content for the bulk load. Snapshots are built by core's own
 * builders, so their shape and size are exactly what a real create stores:
 * 4 prompts x 4 engines = 16 result rows per report (about 2.5 kB of JSON),
 * and for a schedule 5 completed runs of 16 rows each, rolled up.
 */

const PROMPTS = [
  "best CRM for early-stage B2B startups",
  "which CRM has the best email integration",
  "affordable CRM for small sales teams in Europe",
  "HubSpot alternatives with a free tier",
  "project management software with built-in time tracking",
  "kanban tool for engineering teams that integrates with GitHub",
  "best help desk software for a 20-person support team",
  "customer feedback tools that work with Slack",
  "top analytics platforms for product-led growth",
  "which payroll provider is best for remote companies",
  "leading industrial automation vendors in Germany",
  "robotics suppliers for automotive assembly plants",
];

export const resultRows = (seed: number): ResultRow[] => {
  const next = prng(seed);
  const start = Math.floor(next() * PROMPTS.length);
  const prompts = [0, 1, 2, 3].map((k) => PROMPTS[(start + k * 3) % PROMPTS.length] as string);
  const visibility = 0.2 + next() * 0.6;
  return demoResultRows({ prompts, visibility, next, maxPosition: 8 });
};

/** Distinct report and schedule templates the loader builds snapshots from. */
export const TEMPLATES = 64;

const DAY_MS = 86_400_000;

export interface ReportTemplate {
  results: ResultRow[];
  snapshot: Snapshot;
}

export interface RunTemplate {
  status: "completed" | "failed";
  startedAt: Date;
  completedAt: Date;
  results: ResultRow[];
}

export interface ScheduleTemplate {
  runs: RunTemplate[];
  snapshot: Snapshot;
}

/** Snapshot of a completed report; the title is a placeholder the loader replaces per report. */
export const reportTemplate = (seed: number, now: Date): ReportTemplate => {
  const results = resultRows(seed);
  const completedAt = new Date(now.getTime() - (1 + (seed % 20)) * DAY_MS);
  const snapshot = buildReportSnapshot(
    {
      id: "00000000-0000-4000-8000-000000000000",
      brandId: "00000000-0000-4000-8000-000000000000",
      title: "placeholder",
      status: "completed",
      createdBy: "00000000-0000-4000-8000-000000000000",
      createdAt: completedAt,
      completedAt,
      results,
    },
    now,
  );
  return { results, snapshot };
};

/** Six weekly runs, the third failed: the snapshot rolls up the five completed ones. */
export const scheduleTemplate = (seed: number, now: Date): ScheduleTemplate => {
  const runs: RunTemplate[] = [0, 1, 2, 3, 4, 5].map((week) => {
    const completedAt = new Date(now.getTime() - (35 - week * 7) * DAY_MS);
    const failed = week === 2;
    return {
      status: failed ? "failed" : "completed",
      startedAt: new Date(completedAt.getTime() - 3_600_000),
      completedAt,
      results: failed ? [] : resultRows(seed * 31 + week),
    };
  });
  const snapshot = buildScheduledReportSnapshot(
    {
      id: "00000000-0000-4000-8000-000000000000",
      brandId: "00000000-0000-4000-8000-000000000000",
      name: "placeholder",
      cadence: "weekly",
      createdBy: "00000000-0000-4000-8000-000000000000",
      createdAt: runs[0]?.startedAt ?? now,
      runs: runs.map(
        (run, k): ReportRun => ({
          id: `00000000-0000-4000-8000-00000000000${k}`,
          scheduledReportId: "00000000-0000-4000-8000-000000000000",
          status: run.status,
          startedAt: run.startedAt,
          completedAt: run.completedAt,
          results: run.results,
        }),
      ),
    },
    now,
  );
  return { runs, snapshot };
};
