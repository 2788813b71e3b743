import type { Clock } from "../clock";
import type { RetentionStore } from "./ports";

/** How long expired data is kept (EXPIRED_SHARE_RETENTION_DAYS, AUDIT_RETENTION_DAYS). */
export interface RetentionPolicy {
  /** An expired share is deleted this many days after its expiry (its audit events stay). */
  expiredShareRetentionDays: number;
  /** An audit event is deleted this many days after it happened. */
  auditRetentionDays: number;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  expiredShareRetentionDays: 90,
  auditRetentionDays: 400,
};

/** Bounds of both settings: at least a day, at most a century. */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 36_500;

export interface RetentionCutoffs {
  sessionsExpiredBefore: Date;
  sharesExpiredBefore: Date;
  auditEventsBefore: Date;
}

export interface RetentionReport {
  sessions: number;
  shares: number;
  auditEvents: number;
}

export interface RetentionDeps {
  store: RetentionStore;
  clock: Clock;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What is past keeping at `now`. A session is kept while it can still sign
 * someone in (active up to and including its expiry instant, as shares are);
 * an expired share for `expiredShareRetentionDays` more, so its owner still
 * sees it under "expired" and can extend it; an audit event for
 * `auditRetentionDays`, whether or not its share still exists.
 */
export const retentionCutoffs = (now: Date, policy: RetentionPolicy): RetentionCutoffs => ({
  sessionsExpiredBefore: now,
  sharesExpiredBefore: new Date(now.getTime() - policy.expiredShareRetentionDays * DAY_MS),
  auditEventsBefore: new Date(now.getTime() - policy.auditRetentionDays * DAY_MS),
});

/** The scheduled maintenance job's work: deletes whatever the policy no longer keeps. */
export const runRetention = async (
  deps: RetentionDeps,
  policy: RetentionPolicy,
): Promise<RetentionReport> => {
  const cutoffs = retentionCutoffs(deps.clock.now(), policy);
  const sessions = await deps.store.deleteSessionsExpiredBefore(cutoffs.sessionsExpiredBefore);
  const shares = await deps.store.deleteSharesExpiredBefore(cutoffs.sharesExpiredBefore);
  const auditEvents = await deps.store.deleteAuditEventsBefore(cutoffs.auditEventsBefore);
  return { sessions, shares, auditEvents };
};
