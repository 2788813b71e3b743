import type { ViewRollup, ViewSink } from "@sharelinks/core";
import { type SQL, sql } from "drizzle-orm";
import { type Database, executeRows, type Orm } from "../client";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withTransactionRetry } from "../transaction-retry";

/** Rows per statement: each statement's rows travel as one JSON parameter. */
const CHUNK = 2_000;

/**
 * The flush sends each batch as one JSON text parameter expanded by
 * `json_to_recordset`, not as a multi-row INSERT with a parameter per value:
 * building those through the query builder cost the server more CPU than the
 * views it records (issue 12's profile: a fifth of a public read's CPU), and
 * the statement text stays the same whatever the batch size.
 */
const asJson = (rows: unknown): string => JSON.stringify(rows);

const rowsOf = <T extends Record<string, unknown>>(tx: Orm, query: SQL) => executeRows<T>({ orm: tx }, query);

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
      const rows = await rowsOf<{ id: string; brand_id: string }>(
        tx,
        sql`select s.id, s.brand_id from shares s
            where s.id in (select value::uuid from json_array_elements_text(${asJson(part)}::json))
            order by s.id for key share of s`,
      );
      for (const row of rows) live.set(row.id, { id: row.id, brandId: row.brand_id });
    }
    const rollups = all
      .filter((r) => live.has(r.shareId))
      .sort((a, b) => (a.shareId < b.shareId ? -1 : a.shareId > b.shareId ? 1 : a.day < b.day ? -1 : 1));
    if (rollups.length === 0) return;

    const fresh = await this.insertVisitors(tx, rollups);
    const newUniques = (r: ViewRollup) => fresh.get(`${r.shareId} ${r.day}`) ?? 0;

    for (const part of chunks(rollups)) {
      const rows = part.map((r) => ({
        share_id: r.shareId,
        day: r.day,
        views: r.views,
        unique_visitors: newUniques(r),
        bot_views: r.botViews,
      }));
      await tx.execute(sql`
        insert into share_view_days (share_id, day, views, unique_visitors, bot_views)
        select share_id, day, views, unique_visitors, bot_views
        from json_to_recordset(${asJson(rows)}::json)
          as x(share_id uuid, day date, views int, unique_visitors int, bot_views int)
        on conflict (share_id, day) do update set
          views = share_view_days.views + excluded.views,
          unique_visitors = share_view_days.unique_visitors + excluded.unique_visitors,
          bot_views = share_view_days.bot_views + excluded.bot_views`);
    }

    const referrerRows = rollups.flatMap((r) =>
      r.referrers.map((ref) => ({ share_id: r.shareId, day: r.day, host: ref.host, views: ref.views })),
    );
    for (const part of chunks(referrerRows)) {
      await tx.execute(sql`
        insert into share_view_referrers (share_id, day, host, views)
        select share_id, day, host, views
        from json_to_recordset(${asJson(part)}::json) as x(share_id uuid, day date, host text, views int)
        on conflict (share_id, day, host) do update set views = share_view_referrers.views + excluded.views`);
    }

    const totals = totalsByShare(rollups, newUniques);
    for (const part of chunks(totals)) {
      const rows = part.map((t) => ({
        share_id: t.shareId,
        views: t.views,
        unique_visitors: t.uniqueVisitors,
        bot_views: t.botViews,
        last_viewed_at: t.lastViewedAt?.toISOString() ?? null,
      }));
      await tx.execute(sql`
        insert into share_view_totals (share_id, views, unique_visitors, bot_views, last_viewed_at)
        select share_id, views, unique_visitors, bot_views, last_viewed_at
        from json_to_recordset(${asJson(rows)}::json)
          as x(share_id uuid, views bigint, unique_visitors bigint, bot_views bigint, last_viewed_at timestamptz)
        on conflict (share_id) do update set
          views = share_view_totals.views + excluded.views,
          unique_visitors = share_view_totals.unique_visitors + excluded.unique_visitors,
          bot_views = share_view_totals.bot_views + excluded.bot_views,
          last_viewed_at = greatest(share_view_totals.last_viewed_at, excluded.last_viewed_at)`);
    }

    // The totals rows are locked by the upsert above, so of two flushes
    // carrying a share's first views only one finds first_viewed_at still null.
    // One statement per chunk, not per share: a flush can carry thousands of
    // first views (a link list mailed at once), and per-share round trips made
    // such a flush outlast the transaction deadline and lose its views.
    const firsts = totals.filter((total) => total.firstViewAt !== null);
    for (const part of chunks(firsts)) {
      const candidates = part.map((t) => ({
        share_id: t.shareId,
        at: (t.firstViewAt as Date).toISOString(),
      }));
      const set = await rowsOf<{ share_id: string }>(
        tx,
        sql`update share_view_totals as t set first_viewed_at = v.at
            from json_to_recordset(${asJson(candidates)}::json) as v(share_id uuid, at timestamptz)
            where t.share_id = v.share_id and t.first_viewed_at is null
            returning t.share_id`,
      );
      if (set.length === 0) continue;
      const firstAt = new Map(part.map((t) => [t.shareId, t.firstViewAt as Date]));
      const viewed = set.map(({ share_id }) => ({
        ...(live.get(share_id) as LiveShare),
        at: firstAt.get(share_id) as Date,
      }));
      const events = viewed.map((share) => ({
        share_id: share.id,
        brand_id: share.brandId,
        at: share.at.toISOString(),
      }));
      await tx.execute(sql`
        insert into share_events (share_id, brand_id, actor_id, type, at)
        select share_id, brand_id, null::uuid, 'first_viewed'::share_event_type, at
        from json_to_recordset(${asJson(events)}::json) as x(share_id uuid, brand_id uuid, at timestamptz)`);
      await this.onFirstView?.(tx, viewed);
    }
  }

  /** Inserts the batch's visitor keys; returns how many were new per "share day". */
  private async insertVisitors(tx: Orm, rollups: readonly ViewRollup[]): Promise<Map<string, number>> {
    const fresh = new Map<string, number>();
    const rows = rollups.flatMap((r) =>
      r.visitorKeys.map((visitorKey) => ({ share_id: r.shareId, day: r.day, visitor_key: visitorKey })),
    );
    for (const part of chunks(rows)) {
      const inserted = await rowsOf<{ share_id: string; day: string }>(
        tx,
        sql`insert into share_view_visitors (share_id, day, visitor_key)
            select share_id, day, visitor_key
            from json_to_recordset(${asJson(part)}::json) as x(share_id uuid, day date, visitor_key text)
            on conflict do nothing
            returning share_id, to_char(day, 'YYYY-MM-DD') as day`,
      );
      for (const row of inserted) {
        const key = `${row.share_id} ${row.day}`;
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
