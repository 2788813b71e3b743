import type {
  AnalyticsRepository,
  DailyViews,
  ShareViewTotals,
  TimelineEvent,
  ViewRollup,
  ViewSink,
} from "../analytics/ports";
import { validationError } from "../errors";
import type { ShareEvent } from "../shares/share";
import type { InMemoryShareRepository } from "./in-memory-share-repository";

export interface InMemoryAnalytics extends ViewSink, AnalyticsRepository {
  /** `first_viewed` events recorded by flushes, oldest first. */
  firstViews(): ShareEvent[];
}

/**
 * The view store and its reads in memory, with the database's rules: counts
 * add up, a visitor key counts once per share and day, rollups of unknown
 * (deleted) shares are dropped, `first_viewed` is recorded once per share.
 */
export const createInMemoryAnalytics = (
  shares: InMemoryShareRepository,
  uuid: () => string = () => globalThis.crypto.randomUUID(),
): InMemoryAnalytics => {
  const totals = new Map<string, ShareViewTotals>();
  const days = new Map<string, DailyViews & { shareId: string }>();
  const visitors = new Set<string>();
  const referrers = new Map<string, { shareId: string; day: string; host: string; views: number }>();
  const firsts: ShareEvent[] = [];

  return {
    async recordViews(rollups: readonly ViewRollup[]) {
      const live = new Map(shares.allShares().map((s) => [s.id, s]));
      for (const r of rollups) {
        const share = live.get(r.shareId);
        if (!share) continue;
        let fresh = 0;
        for (const key of r.visitorKeys) {
          const id = `${r.shareId} ${r.day} ${key}`;
          if (!visitors.has(id)) fresh += 1;
          visitors.add(id);
        }
        const dayKey = `${r.shareId} ${r.day}`;
        const day = days.get(dayKey) ?? {
          shareId: r.shareId,
          day: r.day,
          views: 0,
          uniqueVisitors: 0,
          botViews: 0,
        };
        day.views += r.views;
        day.uniqueVisitors += fresh;
        day.botViews += r.botViews;
        days.set(dayKey, day);
        for (const ref of r.referrers) {
          const refKey = `${dayKey} ${ref.host}`;
          const row = referrers.get(refKey) ?? { shareId: r.shareId, day: r.day, host: ref.host, views: 0 };
          row.views += ref.views;
          referrers.set(refKey, row);
        }
        const total = totals.get(r.shareId) ?? {
          views: 0,
          uniqueVisitors: 0,
          botViews: 0,
          firstViewedAt: null,
          lastViewedAt: null,
        };
        total.views += r.views;
        total.uniqueVisitors += fresh;
        total.botViews += r.botViews;
        if (r.lastViewAt && (!total.lastViewedAt || r.lastViewAt > total.lastViewedAt))
          total.lastViewedAt = r.lastViewAt;
        if (r.lastViewAt) shares.noteViewed(r.shareId, r.lastViewAt);
        if (r.firstViewAt && !total.firstViewedAt) {
          total.firstViewedAt = r.firstViewAt;
          firsts.push({
            id: uuid(),
            shareId: share.id,
            brandId: share.brandId,
            actorId: null,
            type: "first_viewed",
            at: r.firstViewAt,
            requestId: null,
            oldExpiresAt: null,
            newExpiresAt: null,
            metadata: null,
          });
        }
        totals.set(r.shareId, total);
      }
    },

    async readShareAnalytics(window) {
      const inWindow = (d: { shareId: string; day: string }) =>
        d.shareId === window.shareId && d.day >= window.from && d.day <= window.to;
      const hosts = new Map<string, number>();
      for (const r of referrers.values())
        if (inWindow(r)) hosts.set(r.host, (hosts.get(r.host) ?? 0) + r.views);
      return {
        totals: totals.get(window.shareId) ?? null,
        daily: [...days.values()].filter(inWindow).map(({ shareId: _id, ...d }) => d),
        referrers: [...hosts]
          .map(([host, views]) => ({ host, views }))
          .sort((a, b) => b.views - a.views || (a.host < b.host ? -1 : 1))
          .slice(0, window.referrerLimit),
      };
    },

    async listShareEvents(query) {
      const all = [...shares.events(), ...firsts]
        .filter((e) => e.shareId === query.shareId)
        .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
      let start = 0;
      if (query.startingAfter !== null) {
        start = all.findIndex((e) => e.id === query.startingAfter) + 1;
        if (start === 0) throw validationError("starting_after does not name an event of this share");
      }
      const page = all.slice(start, start + query.limit);
      return {
        items: page.map(
          (e): TimelineEvent => ({
            id: e.id,
            type: e.type,
            at: e.at,
            actor: e.actorId === null ? null : { id: e.actorId, name: e.actorId },
            requestId: e.requestId,
            oldExpiresAt: e.oldExpiresAt,
            newExpiresAt: e.newExpiresAt,
          }),
        ),
        hasMore: all.length > start + query.limit,
      };
    },

    async summariesOf(query) {
      const brandOf = new Map(shares.allShares().map((s) => [s.id, s.brandId]));
      const out = new Map<string, { totals: ShareViewTotals; daily: DailyViews[] }>();
      for (const id of query.shareIds) {
        const total = totals.get(id);
        if (!total || brandOf.get(id) !== query.brandId) continue;
        const daily = [...days.values()]
          .filter((d) => d.shareId === id && d.day >= query.from && d.day <= query.to)
          .map(({ shareId: _id, ...d }) => d);
        out.set(id, { totals: total, daily });
      }
      return out;
    },

    firstViews: () => [...firsts],
  };
};
