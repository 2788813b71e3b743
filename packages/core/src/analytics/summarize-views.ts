import type { Actor } from "../actor";
import { addDays, daysBetween, utcDay } from "./day";
import type { AnalyticsDeps } from "./read-share-analytics";
import { DEFAULT_ANALYTICS_WINDOW_DAYS } from "./schemas";

/** Shares one summary call may ask about (a page of a link list). */
export const MAX_SUMMARY_SHARES = 100;

/** What a link list shows on each link. */
export interface ViewSummary {
  share_id: string;
  views: number;
  unique_visitors: number;
  last_viewed_at: string | null;
  /** Browser views of each of the last 30 days (UTC), oldest first. */
  sparkline: number[];
}

/**
 * The view summary of each listed share of the caller's brand, in one read;
 * ids of other brands' shares (or unknown ids) get no entry.
 */
export const summarizeViews = async (
  deps: AnalyticsDeps,
  actor: Actor,
  shareIds: readonly string[],
): Promise<ViewSummary[]> => {
  const ids = [...new Set(shareIds.map((id) => id.toLowerCase()))].slice(0, MAX_SUMMARY_SHARES);
  const to = utcDay(deps.clock.now().getTime());
  const from = addDays(to, -(DEFAULT_ANALYTICS_WINDOW_DAYS - 1));
  const found = await deps.analytics.summariesOf({ brandId: actor.brandId, shareIds: ids, from, to });
  const days = daysBetween(from, to);
  return ids.flatMap((id) => {
    const summary = found.get(id);
    if (summary === undefined) return [];
    const byDay = new Map(summary.daily.map((d) => [d.day, d.views]));
    return [
      {
        share_id: id,
        views: summary.totals.views,
        unique_visitors: summary.totals.uniqueVisitors,
        last_viewed_at: summary.totals.lastViewedAt?.toISOString() ?? null,
        sparkline: days.map((day) => byDay.get(day) ?? 0),
      },
    ];
  });
};
