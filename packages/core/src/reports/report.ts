export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** One prompt asked of one AI engine, and whether the brand came up in the answer. */
export interface ResultRow {
  prompt: string;
  engine: string;
  mentioned: boolean;
  position: number | null;
  sentiment: Sentiment | null;
}

export const REPORT_STATUSES = ["queued", "running", "completed", "failed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface Report {
  id: string;
  brandId: string;
  title: string;
  status: ReportStatus;
  createdBy: string;
  createdAt: Date;
  completedAt: Date | null;
  results: ResultRow[];
}

export const RUN_STATUSES = ["running", "completed", "failed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface ReportRun {
  id: string;
  scheduledReportId: string;
  status: RunStatus;
  startedAt: Date;
  completedAt: Date | null;
  results: ResultRow[];
}

export interface ScheduledReport {
  id: string;
  brandId: string;
  name: string;
  cadence: string;
  createdBy: string;
  createdAt: Date;
  /** Oldest first. */
  runs: ReportRun[];
}
