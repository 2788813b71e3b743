import { type RetentionDeps, type RetentionPolicy, runRetention } from "@sharelinks/core";
import type { JobDefinition, JobQueueLogger } from "./job-queue";

/** Hourly, at a minute few other jobs pick: small batches often rather than one long purge a day. */
export const RETENTION_CRON = "17 * * * *";

/**
 * The scheduled maintenance job: once per tick for the whole deployment (the
 * queue is `stately`: at most one waiting and one running), it deletes what
 * the retention policy no longer keeps and logs the counts.
 */
export const retentionJob = (
  deps: RetentionDeps,
  policy: RetentionPolicy,
  logger: Pick<JobQueueLogger, "info">,
): JobDefinition => ({
  queue: "maintenance.retention",
  cron: RETENTION_CRON,
  async handle() {
    const deleted = await runRetention(deps, policy);
    logger.info(
      {
        deleted_sessions: deleted.sessions,
        deleted_shares: deleted.shares,
        deleted_audit_events: deleted.auditEvents,
        deleted_webhook_deliveries: deleted.webhookDeliveries,
        deleted_visitor_keys: deleted.visitorKeys,
        deleted_idempotency_keys: deleted.idempotencyKeys,
      },
      "retention: expired data deleted",
    );
  },
});
