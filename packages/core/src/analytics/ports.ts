import type { Page } from "../shares/ports";

/** What one flush writes for one share and one UTC day. */
export interface ViewRollup {
  shareId: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  views: number;
  botViews: number;
  /** Distinct visitor keys seen in this batch; the store counts those it had not seen that day. */
  visitorKeys: string[];
  /** Browser views by referrer host (bots excluded). */
  referrers: { host: string; views: number }[];
  /** First and last browser view of the batch; null when the batch held bot views only. */
  firstViewAt: Date | null;
  lastViewAt: Date | null;
}

/**
 * Where rollups go. One call is one transaction, and every count is added to
 * what the store holds (never overwritten), so any number of instances may
 * flush at once and the totals stay exact. Rollups of shares deleted meanwhile
 * are dropped. The call that sets a share's `first_viewed_at` also records
 * its `first_viewed` event (and its webhook event), so that happens once per share.
 */
export interface ViewSink {
  recordViews(rollups: readonly ViewRollup[]): Promise<void>;
}

export interface ShareViewTotals {
  views: number;
  uniqueVisitors: number;
  botViews: number;
  firstViewedAt: Date | null;
  lastViewedAt: Date | null;
}

export interface DailyViews {
  day: string;
  views: number;
  uniqueVisitors: number;
  botViews: number;
}

export interface ReferrerViews {
  host: string;
  views: number;
}

export interface AnalyticsWindow {
  shareId: string;
  /** Both included. */
  from: string;
  to: string;
  /** Most-viewing referrer hosts kept. */
  referrerLimit: number;
}

export interface ShareAnalyticsData {
  /** Null when the share was never viewed (not even by a bot). */
  totals: ShareViewTotals | null;
  /** Only days that have a row, any order. */
  daily: DailyViews[];
  /** Views in the window, most first. */
  referrers: ReferrerViews[];
}

/** One row of a share's activity timeline. */
export interface TimelineEvent {
  id: string;
  type: string;
  at: Date;
  actor: { id: string; name: string } | null;
  requestId: string | null;
  oldExpiresAt: Date | null;
  newExpiresAt: Date | null;
}

export interface TimelineQuery {
  shareId: string;
  limit: number;
  /** Event id of the last item of the previous page. */
  startingAfter: string | null;
}

export interface AnalyticsRepository {
  readShareAnalytics(window: AnalyticsWindow): Promise<ShareAnalyticsData>;
  /** Newest first ((at, id) descending); a cursor that is not an event of the share is a validation error. */
  listShareEvents(query: TimelineQuery): Promise<Page<TimelineEvent>>;
  /**
   * Totals and daily rows of many shares at once (the dashboard's link lists),
   * only for shares of `brandId`; shares never viewed are absent.
   */
  summariesOf(query: SummaryQuery): Promise<Map<string, { totals: ShareViewTotals; daily: DailyViews[] }>>;
}

export interface SummaryQuery {
  brandId: string;
  shareIds: readonly string[];
  from: string;
  to: string;
}
