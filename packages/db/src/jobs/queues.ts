/**
 * Every job queue of the service, declared once. A queue is a pg-boss table
 * partition, i.e. DDL: it is created by a migration (never at boot, so the app
 * runs with a DML-only role), and `jobQueueMigrationStatements` prints the SQL
 * for queues a migration does not create yet. jobs/queues.test.ts fails until
 * the migration exists.
 *
 * Options are the queue's defaults for its jobs (a send may override them):
 * - policy: `standard` (any number queued and active), `stately` (at most one
 *   queued and one active: maintenance), `singleton`, `short` (see pg-boss);
 * - retryLimit / retryDelay (s) / retryBackoff: attempts after a failure;
 * - expireInSeconds: an active job not finished by then counts as failed;
 * - retentionMinutes: how long a queued job may wait to start.
 */
export interface QueueOptions {
  policy: "standard" | "short" | "singleton" | "stately";
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  retentionMinutes?: number;
  deadLetter?: string;
}

export const JOB_QUEUES = {
  /** Scheduled data retention (jobs/maintenance): sessions, old expired shares, old audit events. */
  "maintenance.retention": { policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 15 * 60 },
  /**
   * One attempt of one webhook delivery. The retry schedule is the delivery's
   * own (core's backoff: the handler queues the next attempt); these retries
   * only cover a crash or a database error mid-attempt (the delivery keeps its id).
   */
  "webhooks.deliver": { policy: "standard", retryLimit: 5, retryDelay: 15, expireInSeconds: 60 },
  /** Every minute: shares that expired since, reported once each as `share.expired`. */
  "webhooks.expiry-scan": { policy: "stately", retryLimit: 1, retryDelay: 30, expireInSeconds: 5 * 60 },
} as const satisfies Record<string, QueueOptions>;

export type JobQueueName = keyof typeof JOB_QUEUES;

/** pg-boss's own queue for cron ticks; its timekeeper expects it to exist. */
export const PG_BOSS_CRON_QUEUE = "__pgboss__send-it";
