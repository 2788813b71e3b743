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
}
