import { randomUUID } from "node:crypto";
import {
  dueExpiryReminder,
  EXPIRING_SOON_DAYS,
  type ExpiryReminderDays,
  expiryReminderMail,
  type Mailer,
  type WebhookEvent,
} from "@sharelinks/core";
import { and, asc, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Database, Orm } from "../client";
import { shareExpiryReminders, shares, users } from "../schema";
import { resourceOfRow } from "./share-rows";
import { writeWebhookEvents } from "./webhook-outbox";

const DAY_MS = 24 * 3_600_000;
export const EXPIRY_REMINDER_BATCH = 500;
/** An owner's reminder email is tried this many times (one scan a minute), then dropped. */
export const REMINDER_EMAIL_ATTEMPTS = 5;

export interface ReminderScanResult {
  /** Windows settled (sent or silent). */
  handled: number;
  /** `share.expiring` events written. */
  sent: number;
}

/**
 * One batch of the reminder scan: active shares within the widest window
 * whose reminder for their current `expires_at` is not settled that far yet.
 * Core decides (`dueExpiryReminder`); the decision, the `share.expiring`
 * outbox row and the owner's pending email are written in one transaction.
 * `SKIP LOCKED` keeps a share being written (and a second scanner) out.
 */
export const scanExpiringShares = async (
  db: Database,
  now: Date,
  options: { email: boolean },
  batch = EXPIRY_REMINDER_BATCH,
): Promise<ReminderScanResult> =>
  db.orm.transaction(async (tx: Orm) => {
    const soonest = new Date(now.getTime() + DAY_MS);
    const rows = await tx
      .select({
        id: shares.id,
        brandId: shares.brandId,
        ownerId: shares.ownerId,
        resourceType: shares.resourceType,
        reportId: shares.reportId,
        scheduledReportId: shares.scheduledReportId,
        expiresAt: shares.expiresAt,
        updatedAt: shares.updatedAt,
        handledExpiresAt: shareExpiryReminders.expiresAt,
        handledDays: shareExpiryReminders.days,
      })
      .from(shares)
      .leftJoin(shareExpiryReminders, eq(shareExpiryReminders.shareId, shares.id))
      .where(
        and(
          gt(shares.expiresAt, now),
          lte(shares.expiresAt, new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS)),
          or(
            isNull(shareExpiryReminders.shareId),
            ne(shareExpiryReminders.expiresAt, shares.expiresAt),
            and(gt(shareExpiryReminders.days, 1), lte(shares.expiresAt, soonest)),
          ),
        ),
      )
      .orderBy(asc(shares.expiresAt))
      .limit(batch)
      .for("update", { of: shares, skipLocked: true });
    // Core decides share by share; the decisions and their events are then written
    // in one statement each (a first scan of a large database settles thousands).
    const settledRows: Array<typeof shareExpiryReminders.$inferInsert> = [];
    const events: WebhookEvent[] = [];
    for (const row of rows) {
      const handled =
        row.handledExpiresAt === null || row.handledDays === null
          ? null
          : { expiresAt: row.handledExpiresAt, days: row.handledDays as ExpiryReminderDays };
      const decision = dueExpiryReminder(
        { expiresAt: row.expiresAt, changedAt: row.updatedAt },
        now,
        handled,
      );
      if (decision === null) continue;
      settledRows.push({
        shareId: row.id,
        expiresAt: row.expiresAt,
        days: decision.days,
        handledAt: now,
        emailPending: decision.send && options.email,
        emailAttempts: 0,
      });
      if (!decision.send) continue;
      events.push({
        id: randomUUID(),
        type: "share.expiring",
        at: now,
        actorId: null,
        daysLeft: decision.daysLeft,
        share: {
          shareId: row.id,
          brandId: row.brandId,
          ownerId: row.ownerId,
          resource: resourceOfRow(row),
          expiresAt: row.expiresAt,
        },
      });
    }
    if (settledRows.length > 0) {
      await tx
        .insert(shareExpiryReminders)
        .values(settledRows)
        .onConflictDoUpdate({
          target: shareExpiryReminders.shareId,
          set: {
            expiresAt: sql`excluded.expires_at`,
            days: sql`excluded.days`,
            handledAt: sql`excluded.handled_at`,
            emailPending: sql`excluded.email_pending`,
            emailAttempts: sql`excluded.email_attempts`,
          },
        });
    }
    await writeWebhookEvents(tx, events);
    const sent = events.length;
    return { handled: rows.length, sent };
  });

export interface ReminderEmailOptions {
  mailer: Mailer;
  /** The owner's "My links" page, e.g. `${PUBLIC_BASE_URL}/links`. */
  dashboardUrl: string;
  onError?: (error: unknown) => void;
}

/**
 * Sends the owners' pending reminder emails, each in its own short
 * transaction holding its row (`SKIP LOCKED`). A link extended or gone since
 * (its `expires_at` no longer the reminded one) gets no email. A refused send
 * is retried by the next scans, up to REMINDER_EMAIL_ATTEMPTS. Returns how many went.
 */
export const sendExpiryReminderEmails = async (
  db: Database,
  now: Date,
  options: ReminderEmailOptions,
  batch = EXPIRY_REMINDER_BATCH,
): Promise<number> => {
  let sent = 0;
  for (let i = 0; i < batch; i += 1) {
    const outcome = await db.orm.transaction(async (tx: Orm) => {
      const [row] = await tx
        .select({
          shareId: shareExpiryReminders.shareId,
          remindedExpiresAt: shareExpiryReminders.expiresAt,
          attempts: shareExpiryReminders.emailAttempts,
          expiresAt: shares.expiresAt,
          title: sql<string>`${shares.snapshot}->>'title'`,
          email: users.email,
          name: users.name,
        })
        .from(shareExpiryReminders)
        .innerJoin(shares, eq(shares.id, shareExpiryReminders.shareId))
        .innerJoin(users, eq(users.id, shares.ownerId))
        .where(eq(shareExpiryReminders.emailPending, true))
        .limit(1)
        .for("update", { of: shareExpiryReminders, skipLocked: true });
      if (!row) return "none" as const;
      const done = (set: { emailPending: boolean; emailAttempts?: number }) =>
        tx.update(shareExpiryReminders).set(set).where(eq(shareExpiryReminders.shareId, row.shareId));
      const left = row.expiresAt.getTime() - now.getTime();
      if (row.expiresAt.getTime() !== row.remindedExpiresAt.getTime() || left <= 0) {
        await done({ emailPending: false });
        return "dropped" as const;
      }
      try {
        await options.mailer.send(
          expiryReminderMail({
            to: row.email,
            ownerName: row.name,
            title: row.title ?? "",
            daysLeft: Math.ceil(left / DAY_MS),
            expiresAt: row.expiresAt,
            dashboardUrl: options.dashboardUrl,
          }),
        );
      } catch (error) {
        options.onError?.(error);
        const attempts = row.attempts + 1;
        await done({ emailPending: attempts < REMINDER_EMAIL_ATTEMPTS, emailAttempts: attempts });
        return "failed" as const;
      }
      await done({ emailPending: false, emailAttempts: row.attempts + 1 });
      return "sent" as const;
    });
    if (outcome === "none") break;
    if (outcome === "sent") sent += 1;
    // A failure leaves the rest for the next scan: the mail server is likely down for all of them.
    if (outcome === "failed") break;
  }
  return sent;
};
