import { addDays, utcDay } from "../analytics/day";
import type { Clock } from "../clock";
import { IDEMPOTENCY_WINDOW_MS } from "../idempotency/request";
import type { RetentionStore } from "./ports";

/**
 * How long data is kept (EXPIRED_SHARE_RETENTION_DAYS, AUDIT_RETENTION_DAYS,
 * WEBHOOK_DELIVERY_RETENTION_DAYS, VISITOR_KEY_RETENTION_DAYS).
 */
export interface RetentionPolicy {
  /** An expired share is deleted this many days after its expiry (its audit events stay). */
  expiredShareRetentionDays: number;
  /** An audit event is deleted this many days after it happened. */
  auditRetentionDays: number;
  /** A finished webhook delivery (succeeded or failed) leaves the log this many days after it was created. */
  webhookDeliveryRetentionDays: number;
  /**
   * UTC days of visitor keys kept, today included (2: today and yesterday).
   * A key only deduplicates its own day's visitors, so once no instance can
   * still flush that day the key is useless; yesterday stays because a flush
   * that failed before midnight is retried after it.
   */
  visitorKeyRetentionDays: number;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  expiredShareRetentionDays: 90,
  auditRetentionDays: 400,
  webhookDeliveryRetentionDays: 30,
  visitorKeyRetentionDays: 2,
};

/** Bounds of the settings: at least a day, at most a century. */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 36_500;
/** Yesterday's keys are still needed just after midnight (see visitorKeyRetentionDays). */
export const MIN_VISITOR_KEY_RETENTION_DAYS = 2;

export interface RetentionCutoffs {
  sessionsExpiredBefore: Date;
  sharesExpiredBefore: Date;
  auditEventsBefore: Date;
  webhookDeliveriesCreatedBefore: Date;
  /** A UTC day, `YYYY-MM-DD`: visitor keys of earlier days go. */
  visitorKeysBeforeDay: string;
  idempotencyKeysBefore: Date;
}

export interface RetentionReport {
  sessions: number;
  shares: number;
  auditEvents: number;
  webhookDeliveries: number;
  visitorKeys: number;
  idempotencyKeys: number;
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
 * `auditRetentionDays`, whether or not its share still exists; a webhook
 * delivery for `webhookDeliveryRetentionDays` once it is finished (a pending
 * one is still being retried, or was retried by hand, and stays until it ends);
 * visitor keys for `visitorKeyRetentionDays` UTC days; an idempotency key for
 * its 24 h window (not configurable: it is the API's promise).
 */
export const retentionCutoffs = (now: Date, policy: RetentionPolicy): RetentionCutoffs => ({
  sessionsExpiredBefore: now,
  sharesExpiredBefore: new Date(now.getTime() - policy.expiredShareRetentionDays * DAY_MS),
  auditEventsBefore: new Date(now.getTime() - policy.auditRetentionDays * DAY_MS),
  webhookDeliveriesCreatedBefore: new Date(now.getTime() - policy.webhookDeliveryRetentionDays * DAY_MS),
  visitorKeysBeforeDay: addDays(utcDay(now.getTime()), -(policy.visitorKeyRetentionDays - 1)),
  idempotencyKeysBefore: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS),
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
  const webhookDeliveries = await deps.store.deleteFinishedWebhookDeliveriesBefore(
    cutoffs.webhookDeliveriesCreatedBefore,
  );
  const visitorKeys = await deps.store.deleteVisitorKeysBefore(cutoffs.visitorKeysBeforeDay);
  const idempotencyKeys = await deps.store.deleteIdempotencyKeysBefore(cutoffs.idempotencyKeysBefore);
  return { sessions, shares, auditEvents, webhookDeliveries, visitorKeys, idempotencyKeys };
};
