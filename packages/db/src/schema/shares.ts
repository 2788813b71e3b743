import { RESOURCE_TYPES, type ShareWhiteLabel, type Snapshot } from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { brands } from "./brands";
import { createdAt, id, instant } from "./columns";
import { reports } from "./reports";
import { scheduledReports } from "./scheduled-reports";
import { users } from "./users";

export const shareResourceType = pgEnum("share_resource_type", RESOURCE_TYPES);

/**
 * A public link. Two nullable foreign keys (rather than one polymorphic id) so
 * the database itself cascades a deleted report to its links and enforces
 * "one share per owner and resource" with plain unique indexes.
 *
 * The token is never stored: `token_hash` (sha256) finds the share,
 * `token_ciphertext` (AES-GCM) lets the owner be shown the same link again.
 */
export const shares = pgTable(
  "shares",
  {
    id: id(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    resourceType: shareResourceType("resource_type").notNull(),
    reportId: uuid("report_id").references(() => reports.id, { onDelete: "cascade" }),
    scheduledReportId: uuid("scheduled_report_id").references(() => scheduledReports.id, {
      onDelete: "cascade",
    }),
    tokenHash: text("token_hash").notNull(),
    tokenCiphertext: text("token_ciphertext").notNull(),
    snapshot: jsonb("snapshot").$type<Snapshot>().notNull(),
    whiteLabel: jsonb("white_label").$type<ShareWhiteLabel>(),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    // Protection (docs/protection.md). Read by the public read's one statement;
    // only a link with max_views pays a second one (the conditional increment).
    pausedAt: instant("paused_at"),
    /** argon2id PHC string, never the password. */
    passwordHash: text("password_hash"),
    maxViews: integer("max_views"),
    viewsUsed: integer("views_used").notNull().default(0),
  },
  (t) => [
    check("shares_max_views_range", sql`${t.maxViews} is null or (${t.maxViews} between 1 and 1000000)`),
    check(
      "shares_resource_matches_type",
      sql`(${t.resourceType} = 'report' and ${t.reportId} is not null and ${t.scheduledReportId} is null)
        or (${t.resourceType} = 'scheduled' and ${t.scheduledReportId} is not null and ${t.reportId} is null)`,
    ),
    // The public read: one probe of this index per request.
    uniqueIndex("shares_token_hash_key").on(t.tokenHash),
    // At most one share per (owner, resource). Partial, because the other
    // resource column is always null and need not be indexed.
    uniqueIndex("shares_owner_report_key").on(t.ownerId, t.reportId).where(sql`${t.reportId} is not null`),
    uniqueIndex("shares_owner_scheduled_report_key")
      .on(t.ownerId, t.scheduledReportId)
      .where(sql`${t.scheduledReportId} is not null`),
    // "My links", newest first, keyset-paginated on (created_at, id). NULLS FIRST
    // is what a plain `ORDER BY ... DESC` means, so the index order matches it.
    index("shares_owner_created_at_idx").on(
      t.ownerId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // The cap count and the resource's list of active shares (expires_at >= now).
    index("shares_report_expires_at_idx").on(t.reportId, t.expiresAt).where(sql`${t.reportId} is not null`),
    index("shares_scheduled_report_expires_at_idx")
      .on(t.scheduledReportId, t.expiresAt)
      .where(sql`${t.scheduledReportId} is not null`),
    // A brand's shares (deleting a brand cascades through this foreign key).
    index("shares_brand_id_idx").on(t.brandId),
    // Retention: the oldest expired shares first (docs/operations.md, "Indexes").
    index("shares_expires_at_idx").on(t.expiresAt),
  ],
);
