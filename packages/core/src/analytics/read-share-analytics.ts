import type { Actor } from "../actor";
import type { Clock } from "../clock";
import { validationError } from "../errors";
import type { ShareRepository } from "../shares/ports";
import { findVisibleShare } from "../shares/rules";
import { addDays, daysBetween, utcDay } from "./day";
import type { AnalyticsRepository } from "./ports";
import {
  DEFAULT_ANALYTICS_WINDOW_DAYS,
  MAX_ANALYTICS_WINDOW_DAYS,
  type ShareAnalyticsQuery,
  TOP_REFERRERS,
} from "./schemas";

export interface AnalyticsDeps {
  shares: Pick<ShareRepository, "findById">;
  analytics: AnalyticsRepository;
  clock: Clock;
}

export interface DailyPoint {
  date: string;
  views: number;
  unique_visitors: number;
  bot_views: number;
}

/** `share.analytics`: totals over the share's whole life, the daily series and referrers over the window. */
export interface ShareAnalytics {
  share_id: string;
  views: number;
  /** Sum of each day's distinct visitors: the visitor key changes with the day, by design. */
  unique_visitors: number;
  bot_views: number;
  first_viewed_at: string | null;
  last_viewed_at: string | null;
  /** Every day of the window, oldest first, zeros included. */
  daily: DailyPoint[];
  referrers: { host: string; views: number }[];
}

/**
 * Resolves the window: `to` defaults to today (UTC), `from` to 29 days before
 * `to` (with only `from`, `to` is 29 days after it); a reversed or too long one is refused.
 */
export const analyticsWindow = (query: ShareAnalyticsQuery, now: Date): { from: string; to: string } => {
  const span = DEFAULT_ANALYTICS_WINDOW_DAYS - 1;
  const to = query.to ?? (query.from ? addDays(query.from, span) : utcDay(now.getTime()));
  const from = query.from ?? addDays(to, -span);
  if (from > to) throw validationError("`from` must not be after `to`", { field: "from" });
  if (daysBetween(from, to).length > MAX_ANALYTICS_WINDOW_DAYS) {
    throw validationError(`The window may span at most ${MAX_ANALYTICS_WINDOW_DAYS} days`, {
      field: "from",
      limit: MAX_ANALYTICS_WINDOW_DAYS,
    });
  }
  return { from, to };
};

/**
 * GET /v1/shares/{share_id}/analytics: any user of the share's brand (every
 * brand user can list every share through its resource); another brand's
 * share, or a deleted one, is not found.
 */
export const readShareAnalytics = async (
  deps: AnalyticsDeps,
  actor: Actor,
  shareId: string,
  query: ShareAnalyticsQuery,
): Promise<ShareAnalytics> => {
  const window = analyticsWindow(query, deps.clock.now());
  const share = await findVisibleShare(deps, actor, shareId);
  const data = await deps.analytics.readShareAnalytics({
    shareId: share.id,
    ...window,
    referrerLimit: TOP_REFERRERS,
  });
  const byDay = new Map(data.daily.map((d) => [d.day, d]));
  return {
    share_id: share.id,
    views: data.totals?.views ?? 0,
    unique_visitors: data.totals?.uniqueVisitors ?? 0,
    bot_views: data.totals?.botViews ?? 0,
    first_viewed_at: data.totals?.firstViewedAt?.toISOString() ?? null,
    last_viewed_at: data.totals?.lastViewedAt?.toISOString() ?? null,
    daily: daysBetween(window.from, window.to).map((date) => {
      const d = byDay.get(date);
      return {
        date,
        views: d?.views ?? 0,
        unique_visitors: d?.uniqueVisitors ?? 0,
        bot_views: d?.botViews ?? 0,
      };
    }),
    referrers: [...data.referrers]
      .sort((a, b) => b.views - a.views || (a.host < b.host ? -1 : 1))
      .slice(0, TOP_REFERRERS),
  };
};
