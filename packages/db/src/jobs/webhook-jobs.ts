import { attemptWebhookDelivery, type Clock, type Mailer, type WebhookDeliveryDeps } from "@sharelinks/core";
import type { Database } from "../client";
import {
  EXPIRY_REMINDER_BATCH,
  scanExpiringShares,
  sendExpiryReminderEmails,
} from "../repositories/expiry-reminder-scan";
import { relayWebhookOutbox } from "../repositories/webhook-outbox";
import { scanExpiredShares } from "../repositories/webhook-scan";
import type { JobDefinition, JobQueueLogger } from "./job-queue";
import type { JobSlot } from "./job-slot";

/** Deliveries one instance attempts at once (each waits at most 10 s for its receiver). */
export const WEBHOOK_DELIVERY_CONCURRENCY = 4;

/** One attempt per job (core's attemptWebhookDelivery); the next attempt is queued by the store. */
export const webhookDeliveryJob = (deps: WebhookDeliveryDeps): JobDefinition<{ delivery_id: string }> => ({
  queue: "webhooks.deliver",
  concurrency: WEBHOOK_DELIVERY_CONCURRENCY,
  async handle(data) {
    await attemptWebhookDelivery(deps, data.delivery_id);
  },
});

export const WEBHOOK_EXPIRY_SCAN_CRON = "* * * * *";

export interface ExpiryReminderJobOptions {
  /** SMTP_URL's mailer: owners get an email with each reminder. Absent: webhook and dashboard only. */
  mailer?: Mailer;
  /** The owners' "My links" page the email points at. */
  dashboardUrl: string;
}

/**
 * Every minute, once for the deployment: report the shares that expired
 * since (`share.expired`), then the reminders now due (`share.expiring`, 7
 * days and 1 day before), then the owners' reminder emails.
 */
export const webhookExpiryScanJob = (
  db: Database,
  clock: Clock,
  logger: Pick<JobQueueLogger, "info" | "warn">,
  reminders: ExpiryReminderJobOptions = { dashboardUrl: "/links" },
): JobDefinition => ({
  queue: "webhooks.expiry-scan",
  cron: WEBHOOK_EXPIRY_SCAN_CRON,
  async handle() {
    let total = 0;
    for (;;) {
      const found = await scanExpiredShares(db, clock.now());
      total += found;
      if (found === 0) break;
    }
    if (total > 0) logger.info({ expired_shares: total }, "webhooks: expiries reported");
    await runExpiryReminders(db, clock, logger, reminders);
  },
});

/** The reminder part of the scan (also what tests run directly). */
export const runExpiryReminders = async (
  db: Database,
  clock: Clock,
  logger: Pick<JobQueueLogger, "info" | "warn">,
  reminders: ExpiryReminderJobOptions,
): Promise<{ reminded: number; emailed: number }> => {
  let reminded = 0;
  for (;;) {
    const batch = await scanExpiringShares(db, clock.now(), { email: reminders.mailer !== undefined });
    reminded += batch.sent;
    if (batch.handled < EXPIRY_REMINDER_BATCH) break;
  }
  let emailed = 0;
  if (reminders.mailer) {
    emailed = await sendExpiryReminderEmails(db, clock.now(), {
      mailer: reminders.mailer,
      dashboardUrl: reminders.dashboardUrl,
      // The error only: an SMTP answer may quote the recipient.
      onError: (error) =>
        logger.warn(
          { error_name: (error as Error)?.name ?? "Error" },
          "reminders: an owner's email was refused",
        ),
    });
  }
  if (reminded > 0 || emailed > 0)
    logger.info({ reminders: reminded, emails: emailed }, "reminders: expiring shares");
  return { reminded, emailed };
};

export interface WebhookRelay {
  /** Moves every outbox row now (tests, shutdown). */
  drain(): Promise<number>;
  stop(): void;
}

/** How often each instance looks at the outbox: an event reaches its delivery job within about this. */
export const WEBHOOK_RELAY_INTERVAL_MS = 500;

/**
 * The outbox relay, on every instance (`SKIP LOCKED` shares the rows out). A
 * timer, not a job: pg-boss's cron ticks once a minute, and webhooks should
 * leave within a second of the change.
 */
export const startWebhookRelay = (
  db: Database,
  jobs: JobSlot,
  logger: Pick<JobQueueLogger, "warn">,
  intervalMs = WEBHOOK_RELAY_INTERVAL_MS,
): WebhookRelay => {
  let running: Promise<number> | null = null;
  let failing = false;
  const drain = async () => {
    let moved = 0;
    for (;;) {
      const batch = await db.orm.transaction((tx) => relayWebhookOutbox(tx, jobs));
      moved += batch;
      if (batch === 0) return moved;
    }
  };
  const tick = () => {
    if (running) return;
    running = drain()
      .then(
        (moved) => {
          failing = false;
          return moved;
        },
        (error: unknown) => {
          if (!failing) logger.warn({ err: error }, "webhook relay failed (retrying)");
          failing = true;
          return 0;
        },
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async drain() {
      if (running) await running;
      return drain();
    },
    stop() {
      clearInterval(timer);
    },
  };
};
