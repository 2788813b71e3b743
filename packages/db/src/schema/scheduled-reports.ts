import { type ResultRow, RUN_STATUSES } from "@sharelinks/core";
import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { brands } from "./brands";
import { createdAt, id, instant } from "./columns";
import { users } from "./users";

/** A recurring report; its content lives in its runs. */
export const scheduledReports = pgTable(
  "scheduled_reports",
  {
    id: id(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    cadence: text("cadence").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("scheduled_reports_brand_id_created_at_idx").on(
      t.brandId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

export const runStatus = pgEnum("run_status", RUN_STATUSES);

export const reportRuns = pgTable(
  "report_runs",
  {
    id: id(),
    scheduledReportId: uuid("scheduled_report_id")
      .notNull()
      .references(() => scheduledReports.id, { onDelete: "cascade" }),
    status: runStatus("status").notNull(),
    startedAt: instant("started_at").notNull(),
    completedAt: instant("completed_at"),
    results: jsonb("results").$type<ResultRow[]>().notNull().default([]),
  },
  (t) => [index("report_runs_scheduled_report_id_idx").on(t.scheduledReportId, t.startedAt, t.id)],
);
