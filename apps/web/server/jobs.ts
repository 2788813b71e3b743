import {
  createJobQueue,
  type Database,
  type JobQueue,
  type JobQueueLogger,
  retentionJob,
  type Services,
} from "@sharelinks/db";
import type { AppConfig } from "./env";
import { type WebhookJobOptions, webhookJobs } from "./webhooks";

export interface StartJobsOptions {
  config: AppConfig;
  db: Database;
  services: Services;
  logger: JobQueueLogger;
  /** Called after every job this instance ran (metrics). */
  onJobFinished?: NonNullable<Parameters<typeof createJobQueue>[0]["onJobFinished"]>;
  /** How often an idle worker asks for work (tests shorten it). */
  pollingIntervalSeconds?: number;
  /** Webhook delivery settings (tests shorten the retry schedule). */
  webhooks?: WebhookJobOptions;
}

/**
 * The server's background work on the job queue. Every instance starts it:
 * pg-boss turns each cron tick into one job for the whole deployment, so the
 * hourly retention runs once, not once per instance, and a second instance
 * taking the job only shares the batches (the store deletes with SKIP LOCKED).
 */
export const startJobs = async (options: StartJobsOptions): Promise<JobQueue> => {
  const { config, db, services, logger } = options;
  const queue = createJobQueue({
    db,
    ...(db.kind === "postgres" && config.databaseUrl !== undefined && { postgresUrl: config.databaseUrl }),
    logger,
    maintenanceIntervalSeconds: config.jobMaintenanceIntervalSeconds,
    ...(options.onJobFinished && { onJobFinished: options.onJobFinished }),
    ...(options.pollingIntervalSeconds !== undefined && {
      pollingIntervalSeconds: options.pollingIntervalSeconds,
    }),
  });
  queue.define(
    retentionJob(
      services.retention,
      {
        expiredShareRetentionDays: config.expiredShareRetentionDays,
        auditRetentionDays: config.auditRetentionDays,
        webhookDeliveryRetentionDays: config.webhookDeliveryRetentionDays,
        visitorKeyRetentionDays: config.visitorKeyRetentionDays,
      },
      logger,
    ),
  );
  const webhooks = webhookJobs(config, services, logger, options.webhooks);
  webhooks.define(queue);
  await queue.start();
  webhooks.start();
  // The relay stops with the queue: nothing is queued once the queue is gone.
  const stop = queue.stop.bind(queue);
  queue.stop = (timeoutMs) => {
    webhooks.stop();
    return stop(timeoutMs);
  };
  return queue;
};
