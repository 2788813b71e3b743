import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { shares } from "./shares";

/**
 * Which expiry reminder (core's shares/expiry-reminders.ts) was handled per
 * share, for which `expires_at`: `days` is the narrowest window settled (7 or
 * 1), so each is sent once per expiry and an extend (a new `expires_at`)
 * re-arms both. `email_pending`: the owner's email still to send (only when
 * SMTP_URL is set), retried by the next scans up to a few attempts.
 */
export const shareExpiryReminders = pgTable(
  "share_expiry_reminders",
  {
    shareId: uuid("share_id")
      .primaryKey()
      .references(() => shares.id, { onDelete: "cascade" }),
    expiresAt: instant("expires_at").notNull(),
    days: integer("days").notNull(),
    handledAt: instant("handled_at").notNull(),
    emailPending: boolean("email_pending").notNull().default(false),
    emailAttempts: integer("email_attempts").notNull().default(0),
  },
  (t) => [
    check("share_expiry_reminders_days_check", sql`${t.days} in (1, 7)`),
    // The mail step reads only the pending few.
    index("share_expiry_reminders_email_pending_idx").on(t.shareId).where(sql`${t.emailPending}`),
  ],
);
