/**
 * @sharelinks/db: PostgreSQL (or embedded PGlite) behind core's ports.
 *
 *   const db = await createDb(process.env.DATABASE_URL, { dataDir });
 *   await db.migrate();
 *   const services = createServices(db, { tokenSecret });
 *   await seedDemo(services); // embedded mode
 */
export {
  type CreateDbOptions,
  createDb,
  DATABASE_DEFAULTS,
  type Database,
  type DatabaseKind,
  type DatabaseTarget,
  executeRows,
  type Orm,
  type PoolerMode,
  resolveTarget,
  type Schema,
} from "./client";
export { traceDb } from "./db-tracing";
export { DEMO_ENGINES, type DemoResultsOptions, demoResultRows, prng } from "./demo-results";
export {
  createJobQueue,
  type JobDefinition,
  type JobInfo,
  type JobOutcome,
  type JobQueue,
  type JobQueueLogger,
  type JobQueueOptions,
  JobQueueSchemaError,
  type SendOptions,
} from "./jobs/job-queue";
export { createJobSlot, type JobSlot } from "./jobs/job-slot";
export { JOB_QUEUES, type JobQueueName } from "./jobs/queues";
export { RETENTION_CRON, retentionJob } from "./jobs/retention-job";
export {
  type ExpiryReminderJobOptions,
  runExpiryReminders,
  startWebhookRelay,
  WEBHOOK_RELAY_INTERVAL_MS,
  type WebhookRelay,
  webhookDeliveryJob,
  webhookExpiryScanJob,
} from "./jobs/webhook-jobs";
export {
  DEFAULT_MIGRATION_LOCK_TIMEOUT_MS,
  MIGRATIONS_FOLDER,
  type MigrateOptions,
  type MigrateResult,
  type SchemaStatus,
} from "./migrate";
export { type DbErrorClass, type DbObserver, observeDb } from "./observer";
export { type Argon2Cost, createArgon2PasswordHasher, DEFAULT_ARGON2_COST } from "./passwords";
export {
  isDataException,
  isRetryableTransactionError,
  isUnavailableError,
  translateDbError,
} from "./pg-errors";
export { buildPgliteImage, copyPgliteImage, PGLITE_START_PARAMS } from "./pglite-image";
export type { PoolStats } from "./pool-stats";
export {
  type LagProbes,
  ReplicaFreshness,
  type ReplicaFreshnessOptions,
  type ReplicaState,
} from "./replica-freshness";
export {
  REPLICA_DEFAULTS,
  type ReplicaReads,
  type ReplicaReadsOptions,
  sqlLagProbes,
  startReplicaReads,
} from "./replica-reads";
export { DrizzleAccountRepository } from "./repositories/account-repository";
export { DrizzleAnalyticsRepository } from "./repositories/analytics-repository";
export { scanExpiringShares, sendExpiryReminderEmails } from "./repositories/expiry-reminder-scan";
export { DrizzleIdempotencyStore } from "./repositories/idempotency-store";
export { DrizzleResourceCatalog } from "./repositories/resource-catalog";
export { DrizzleRetentionStore } from "./repositories/retention-store";
export { DrizzleShareRepository } from "./repositories/share-repository";
export { DrizzleViewSink, type FirstViewListener } from "./repositories/view-sink";
export { DrizzleWebhookRepository } from "./repositories/webhook-repository";
export { scanExpiredShares } from "./repositories/webhook-scan";
export * as schema from "./schema";
export {
  DEMO_EMAIL,
  DEMO_MEMBER_EMAIL,
  DEMO_OTHER_BRAND_EMAIL,
  DEMO_PASSWORD,
  type DemoSeed,
  seedDemo,
} from "./seed";
export {
  createServices,
  idempotentResponseCipher,
  type Services,
  type ServicesOptions,
  webhookSecretCipher,
} from "./services";
export { hasAnyUser } from "./users-present";
