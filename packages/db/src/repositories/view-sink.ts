import type { ViewRollup, ViewSink } from "@sharelinks/core";
import { and, asc, inArray, isNull, sql } from "drizzle-orm";
import { type Database, executeRows, type Orm } from "../client";
import {
  shareEvents,
  shares,
  shareViewDays,
  shareViewReferrers,
  shareViewTotals,
  shareViewVisitors,
} from "../schema";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withTransactionRetry } from "../transaction-retry";

/** Rows per multi-row INSERT: far below PostgreSQL's 65,535 parameters. */
const CHUNK = 2_000;

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

/** A share the flush may still write for, and what its first-view event needs. */
interface LiveShare {
  id: string;
  brandId: string;
}

/** Called inside the flush transaction for each share whose first browser view it records. */
export type FirstViewListener = (tx: Orm, shares: readonly (LiveShare & { at: Date })[]) => Promise<void>;

/**
 * Core's ViewSink on PostgreSQL/PGlite: one transaction per flush, every count
 * an addition (`col = col + excluded.col`), visitor keys inserted with
 * `ON CONFLICT DO NOTHING` and only the ones that went in counted as new
 * uniques. Shares are locked `FOR KEY SHARE` first (in id order, so two
 * instances flushing the same shares queue instead of deadlocking): a share
 * deleted before that is skipped, one deleted after waits for this flush.
 */
export class DrizzleViewSink implements ViewSink {
  constructor(
    private readonly db: Database,
    private readonly onFirstView: FirstViewListener | null = null,
    private readonly retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  recordViews(rollups: readonly ViewRollup[]): Promise<void> {
    if (rollups.length === 0) return Promise.resolve();
    return withTransactionRetry(
      () => this.db.orm.transaction((tx) => this.write(tx, rollups)),
      this.retryPolicy,
    );
  }

  private async write(tx: Orm, all: readonly ViewRollup[]): Promise<void> {
    const ids = [...new Set(all.map((r) => r.shareId))].sort();
    const live = new Map<string, LiveShare>();
    for (const part of chunks(ids)) {
      const rows = await tx
        .select({ id: shares.id, brandId: shares.brandId })
        .from(shares)
        .where(inArray(shares.id, part))
        .orderBy(asc(shares.id))
        .for("key share");
      for (const row of rows) live.set(row.id, row);
    }
    const rollups = all
      .filter((r) => live.has(r.shareId))
      .sort((a, b) => (a.shareId < b.shareId ? -1 : a.shareId > b.shareId ? 1 : a.day < b.day ? -1 : 1));
    if (rollups.length === 0) return;

    const fresh = await this.insertVisitors(tx, rollups);
    const newUniques = (r: ViewRollup) => fresh.get(`${r.shareId} ${r.day}`) ?? 0;

    for (const part of chunks(rollups)) {
      await tx
        .insert(shareViewDays)
        .values(
          part.map((r) => ({
            shareId: r.shareId,
            day: r.day,
            views: r.views,
            uniqueVisitors: newUniques(r),
            botViews: r.botViews,
          })),
        )
        .onConflictDoUpdate({
          target: [shareViewDays.shareId, shareViewDays.day],
          set: {
            views: sql`${shareViewDays.views} + excluded.views`,
            uniqueVisitors: sql`${shareViewDays.uniqueVisitors} + excluded.unique_visitors`,
            botViews: sql`${shareViewDays.botViews} + excluded.bot_views`,
          },
        });
    }

    const referrerRows = rollups.flatMap((r) =>
      r.referrers.map((ref) => ({ shareId: r.shareId, day: r.day, host: ref.host, views: ref.views })),
    );
    for (const part of chunks(referrerRows)) {
      await tx
        .insert(shareViewReferrers)
        .values(part)
        .onConflictDoUpdate({
          target: [shareViewReferrers.shareId, shareViewReferrers.day, shareViewReferrers.host],
          set: { views: sql`${shareViewReferrers.views} + excluded.views` },
        });
    }

    const totals = totalsByShare(rollups, newUniques);
    for (const part of chunks(totals)) {
      await tx
        .insert(shareViewTotals)
        .values(part.map(({ firstViewAt: _first, ...row }) => row))
        .onConflictDoUpdate({
          target: shareViewTotals.shareId,
          set: {
            views: sql`${shareViewTotals.views} + excluded.views`,
            uniqueVisitors: sql`${shareViewTotals.uniqueVisitors} + excluded.unique_visitors`,
            botViews: sql`${shareViewTotals.botViews} + excluded.bot_views`,
            lastViewedAt: sql`greatest(${shareViewTotals.lastViewedAt}, excluded.last_viewed_at)`,
          },
        });
    }

    // The totals rows are locked by the upsert above, so of two flushes
    // carrying a share's first views only one finds first_viewed_at still null.
    // One statement per chunk, not per share: a flush can carry thousands of
    // first views (a link list mailed at once), and per-share round trips made
    // such a flush outlast the transaction deadline and lose its views.
    const firsts = totals.filter((total) => total.firstViewAt !== null);
    for (const part of chunks(firsts)) {
      const candidates = sql.join(
        part.map((t) => sql`(${t.shareId}::uuid, ${(t.firstViewAt as Date).toISOString()}::timestamptz)`),
        sql`, `,
      );
      const set = await executeRows<{ share_id: string }>(
        { orm: tx },
        sql`update share_view_totals as t set first_viewed_at = v.at
            from (values ${candidates}) as v(share_id, at)
            where t.share_id = v.share_id and t.first_viewed_at is null
            returning t.share_id`,
      );
      if (set.length === 0) continue;
      const firstAt = new Map(part.map((t) => [t.shareId, t.firstViewAt as Date]));
      const viewed = set.map(({ share_id }) => ({
        ...(live.get(share_id) as LiveShare),
        at: firstAt.get(share_id) as Date,
      }));
      await tx.insert(shareEvents).values(
        viewed.map((share) => ({
          shareId: share.id,
          brandId: share.brandId,
          actorId: null,
          type: "first_viewed" as const,
          at: share.at,
        })),
      );
      await this.onFirstView?.(tx, viewed);
    }
  }

  /** Inserts the batch's visitor keys; returns how many were new per "share day". */
  private async insertVisitors(tx: Orm, rollups: readonly ViewRollup[]): Promise<Map<string, number>> {
    const fresh = new Map<string, number>();
    const rows = rollups.flatMap((r) =>
      r.visitorKeys.map((visitorKey) => ({ shareId: r.shareId, day: r.day, visitorKey })),
    );
    for (const part of chunks(rows)) {
      const inserted = await tx
        .insert(shareViewVisitors)
        .values(part)
        .onConflictDoNothing()
        .returning({ shareId: shareViewVisitors.shareId, day: shareViewVisitors.day });
      for (const row of inserted) {
        const key = `${row.shareId} ${row.day}`;
        fresh.set(key, (fresh.get(key) ?? 0) + 1);
      }
    }
    return fresh;
  }
}

interface TotalsRow {
  shareId: string;
  views: number;
  uniqueVisitors: number;
  botViews: number;
  lastViewedAt: Date | null;
  firstViewAt: Date | null;
}

const totalsByShare = (
  rollups: readonly ViewRollup[],
  newUniques: (r: ViewRollup) => number,
): TotalsRow[] => {
  const byShare = new Map<string, TotalsRow>();
  for (const r of rollups) {
    const row = byShare.get(r.shareId) ?? {
      shareId: r.shareId,
      views: 0,
      uniqueVisitors: 0,
      botViews: 0,
      lastViewedAt: null,
      firstViewAt: null,
    };
    row.views += r.views;
    row.uniqueVisitors += newUniques(r);
    row.botViews += r.botViews;
    if (r.lastViewAt && (!row.lastViewedAt || r.lastViewAt > row.lastViewedAt))
      row.lastViewedAt = r.lastViewAt;
    if (r.firstViewAt && (!row.firstViewAt || r.firstViewAt < row.firstViewAt))
      row.firstViewAt = r.firstViewAt;
    byShare.set(r.shareId, row);
  }
  return [...byShare.values()];
};
