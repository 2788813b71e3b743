import {
  type AnalyticsRepository,
  type AnalyticsWindow,
  type DailyViews,
  type Page,
  type ShareAnalyticsData,
  type ShareViewTotals,
  type SummaryQuery,
  type TimelineEvent,
  type TimelineQuery,
  validationError,
} from "@sharelinks/core";
import { and, between, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { isUuid } from "../ids";
import { guarded } from "../pg-errors";
import { shareEvents, shares, shareViewDays, shareViewReferrers, shareViewTotals, users } from "../schema";

const totalsColumns = {
  views: shareViewTotals.views,
  uniqueVisitors: shareViewTotals.uniqueVisitors,
  botViews: shareViewTotals.botViews,
  firstViewedAt: shareViewTotals.firstViewedAt,
  lastViewedAt: shareViewTotals.lastViewedAt,
};

/** Reads of the view rollups and of a share's timeline (the audit trail with actor names joined in). */
export class DrizzleAnalyticsRepository implements AnalyticsRepository {
  constructor(private readonly db: Database) {}

  readShareAnalytics(window: AnalyticsWindow): Promise<ShareAnalyticsData> {
    return guarded(async () => {
      const orm = this.db.orm;
      const [totals] = await orm
        .select(totalsColumns)
        .from(shareViewTotals)
        .where(eq(shareViewTotals.shareId, window.shareId));
      const daily = await orm
        .select({
          day: shareViewDays.day,
          views: shareViewDays.views,
          uniqueVisitors: shareViewDays.uniqueVisitors,
          botViews: shareViewDays.botViews,
        })
        .from(shareViewDays)
        .where(
          and(eq(shareViewDays.shareId, window.shareId), between(shareViewDays.day, window.from, window.to)),
        );
      const viewsSum = sql<number>`sum(${shareViewReferrers.views})::int`;
      const referrers = await orm
        .select({ host: shareViewReferrers.host, views: viewsSum })
        .from(shareViewReferrers)
        .where(
          and(
            eq(shareViewReferrers.shareId, window.shareId),
            between(shareViewReferrers.day, window.from, window.to),
          ),
        )
        .groupBy(shareViewReferrers.host)
        .orderBy(desc(viewsSum), shareViewReferrers.host)
        .limit(window.referrerLimit);
      return {
        totals: totals ?? null,
        daily,
        referrers: referrers.map((r) => ({ ...r, views: Number(r.views) })),
      };
    });
  }

  summariesOf(query: SummaryQuery): Promise<Map<string, { totals: ShareViewTotals; daily: DailyViews[] }>> {
    return guarded(async () => {
      const out = new Map<string, { totals: ShareViewTotals; daily: DailyViews[] }>();
      const ids = query.shareIds.filter(isUuid);
      if (ids.length === 0) return out;
      const totals = await this.db.orm
        .select({ shareId: shareViewTotals.shareId, ...totalsColumns })
        .from(shareViewTotals)
        .innerJoin(shares, eq(shares.id, shareViewTotals.shareId))
        .where(and(inArray(shareViewTotals.shareId, ids), eq(shares.brandId, query.brandId)));
      for (const { shareId, ...row } of totals) out.set(shareId, { totals: row, daily: [] });
      if (out.size === 0) return out;
      const days = await this.db.orm
        .select()
        .from(shareViewDays)
        .where(
          and(
            inArray(shareViewDays.shareId, [...out.keys()]),
            between(shareViewDays.day, query.from, query.to),
          ),
        );
      for (const { shareId, ...day } of days) out.get(shareId)?.daily.push(day);
      return out;
    });
  }

  listShareEvents(query: TimelineQuery): Promise<Page<TimelineEvent>> {
    return guarded(async () => {
      const filters: SQL[] = [eq(shareEvents.shareId, query.shareId)];
      if (query.startingAfter !== null)
        filters.push(await this.olderThan(query.shareId, query.startingAfter));
      const rows = await this.db.orm
        .select({
          id: shareEvents.id,
          type: shareEvents.type,
          at: shareEvents.at,
          requestId: shareEvents.requestId,
          oldExpiresAt: shareEvents.oldExpiresAt,
          newExpiresAt: shareEvents.newExpiresAt,
          actorId: shareEvents.actorId,
          actorName: users.name,
          actorEmail: users.email,
        })
        .from(shareEvents)
        .leftJoin(users, eq(users.id, shareEvents.actorId))
        .where(and(...filters))
        .orderBy(desc(shareEvents.at), desc(shareEvents.id))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(
        ({ actorId, actorName, actorEmail, ...event }): TimelineEvent => ({
          ...event,
          // A deleted user still shows as who acted, by id.
          actor: actorId === null ? null : { id: actorId, name: actorName ?? actorEmail ?? "Deleted user" },
        }),
      );
      return { items, hasMore: rows.length > query.limit };
    });
  }

  private async olderThan(shareId: string, eventId: string): Promise<SQL> {
    const [cursor] = isUuid(eventId)
      ? await this.db.orm
          .select({ at: shareEvents.at, id: shareEvents.id })
          .from(shareEvents)
          .where(and(eq(shareEvents.id, eventId), eq(shareEvents.shareId, shareId)))
      : [];
    if (!cursor) {
      throw validationError("starting_after does not name an event of this share", {
        field: "starting_after",
      });
    }
    return sql`(${shareEvents.at}, ${shareEvents.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
  }
}
