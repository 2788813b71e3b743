/**
 * Port: deletes what the retention rules say is past keeping. Each method
 * deletes every matching row (in batches, so no long lock is held) and says
 * how many it deleted. Safe to run from several instances at once: a row is
 * deleted once, by whichever gets it.
 */
export interface RetentionStore {
  /** Sessions whose `expires_at` is before `before`. */
  deleteSessionsExpiredBefore(before: Date): Promise<number>;
  /** Shares whose `expires_at` is before `before`; their audit events stay. */
  deleteSharesExpiredBefore(before: Date): Promise<number>;
  /** Audit events (share events) that happened before `before`. */
  deleteAuditEventsBefore(before: Date): Promise<number>;
  /** Webhook deliveries created before `before` that are no longer pending (succeeded or failed). */
  deleteFinishedWebhookDeliveriesBefore(before: Date): Promise<number>;
  /** View-analytics visitor keys of UTC days before `day` (`YYYY-MM-DD`); the daily counts stay. */
  deleteVisitorKeysBefore(day: string): Promise<number>;
  /** Idempotency keys (and their kept answers) made before `before`. */
  deleteIdempotencyKeysBefore(before: Date): Promise<number>;
}
