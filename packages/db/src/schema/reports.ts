import { REPORT_STATUSES, type ResultRow } from "@sharelinks/core";
import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { brands } from "./brands";
import { createdAt, id, instant } from "./columns";
import { users } from "./users";

export const reportStatus = pgEnum("report_status", REPORT_STATUSES);

/**
 * A one-off report. Result rows are kept as one jsonb array: they are only ever
 * read whole (to list, or to freeze into a snapshot), never queried row by row.
 */
export const reports = pgTable(
  "reports",
  {
    id: id(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    status: reportStatus("status").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    completedAt: instant("completed_at"),
    results: jsonb("results").$type<ResultRow[]>().notNull().default([]),
  },
  (t) => [
    index("reports_brand_id_created_at_idx").on(
      t.brandId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);
