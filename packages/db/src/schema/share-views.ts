import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { shares } from "./shares";

/*
 * View analytics. The request path writes none of these: views are counted in
 * memory and flushed in batches (core's ViewRecorder), every count added to
 * what is stored, so several instances flushing at once stay exact. Rows go
 * with their share (a deleted share's analytics are no longer readable).
 */

const share = () =>
  uuid("share_id")
    .notNull()
    .references(() => shares.id, { onDelete: "cascade" });

/** A share's totals over its whole life; `last_viewed_at` sorts My links. */
export const shareViewTotals = pgTable("share_view_totals", {
  shareId: share().primaryKey(),
  views: bigint("views", { mode: "number" }).notNull().default(0),
  uniqueVisitors: bigint("unique_visitors", { mode: "number" }).notNull().default(0),
  botViews: bigint("bot_views", { mode: "number" }).notNull().default(0),
  /** Set once, by the flush that records the first browser view (and its `first_viewed` event). */
  firstViewedAt: instant("first_viewed_at"),
  lastViewedAt: instant("last_viewed_at"),
});

/** One row per share and UTC day with any view. */
export const shareViewDays = pgTable(
  "share_view_days",
  {
    shareId: share(),
    day: date("day", { mode: "string" }).notNull(),
    views: integer("views").notNull().default(0),
    uniqueVisitors: integer("unique_visitors").notNull().default(0),
    botViews: integer("bot_views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shareId, t.day] })],
);

/**
 * The visitor keys of each share and day: a keyed hash that changes with the
 * day, so a day's keys are only needed while that day can still be flushed
 * (the maintenance job deletes older ones). Inserting a key that is already
 * there does nothing, which is what keeps unique visitors exact across instances.
 */
export const shareViewVisitors = pgTable(
  "share_view_visitors",
  {
    shareId: share(),
    day: date("day", { mode: "string" }).notNull(),
    visitorKey: text("visitor_key").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shareId, t.day, t.visitorKey] }),
    index("share_view_visitors_day_idx").on(t.day),
  ],
);

/** Browser views by referrer host (never path or query), per share and day. */
export const shareViewReferrers = pgTable(
  "share_view_referrers",
  {
    shareId: share(),
    day: date("day", { mode: "string" }).notNull(),
    host: text("host").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shareId, t.day, t.host] })],
);
