import type { ResourceType, ShareEvent } from "../shares/share";

/**
 * The webhook event catalog. Adding an event type is one line here (plus the
 * code that records it); endpoints subscribed to "all" (the default) get it at once.
 */
export const WEBHOOK_EVENT_TYPES = [
  "share.created",
  "share.refreshed",
  "share.rotated",
  "share.extended",
  "share.revoked",
  "share.removed",
  "share.cancelled",
  "share.expired",
  "share.first_viewed",
  /** Pause / resume (docs/protection.md): the link stops / starts answering, same token. */
  "share.paused",
  "share.resumed",
  /** 7 days and 1 day before `expires_at` (shares/expiry-reminders.ts); `data.days_left`. */
  "share.expiring",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/** What a webhook says about the share: ids and dates only, never the token or the share URL. */
export interface WebhookShareFacts {
  shareId: string;
  brandId: string;
  ownerId: string;
  resource: { type: ResourceType; id: string };
  expiresAt: Date;
}

/** One event, written to the outbox in the transaction of the change it reports. */
export interface WebhookEvent {
  /** Also the `webhook-id` of every delivery of it: a receiver dedupes on it. */
  id: string;
  type: WebhookEventType;
  at: Date;
  share: WebhookShareFacts;
  /** Null for what no user did (an expiry, a first view). */
  actorId: string | null;
  /** `share.expiring` only: whole days left, rounded up. */
  daysLeft?: number;
}

/** The JSON body every endpoint receives. */
export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: string;
  data: {
    share_id: string;
    brand_id: string;
    owner_id: string;
    resource_type: ResourceType;
    resource_id: string;
    expires_at: string;
    actor_id: string | null;
    /** `share.expiring` only. */
    days_left?: number;
  };
}

/**
 * The body, built from an allowlist of fields: whatever is added to a share
 * later (a token, a URL, a password hash) cannot reach a receiver by accident.
 */
export const webhookPayload = (event: WebhookEvent): WebhookPayload => ({
  type: event.type,
  timestamp: event.at.toISOString(),
  data: {
    share_id: event.share.shareId,
    brand_id: event.share.brandId,
    owner_id: event.share.ownerId,
    resource_type: event.share.resource.type,
    resource_id: event.share.resource.id,
    expires_at: event.share.expiresAt.toISOString(),
    actor_id: event.actorId,
    ...(event.daysLeft !== undefined && { days_left: event.daysLeft }),
  },
});

/**
 * The webhook event of an audit event, or null when the audit type has no
 * webhook. Audit events that carry their share's facts (`subject`) are the
 * ones the share use cases write.
 */
export const webhookEventOf = (event: ShareEvent): WebhookEvent | null => {
  const type = `share.${event.type}`;
  if (!isWebhookEventType(type) || !event.subject) return null;
  return {
    id: event.id,
    type,
    at: event.at,
    actorId: event.actorId,
    share: {
      shareId: event.shareId,
      brandId: event.brandId,
      ownerId: event.subject.ownerId,
      resource: event.subject.resource,
      expiresAt: event.subject.expiresAt,
    },
  };
};

/** The event as the outbox stores it (JSON), and back. */
export interface StoredWebhookEvent {
  id: string;
  brand_id: string;
  type: WebhookEventType;
  payload: WebhookPayload;
}

export const storedWebhookEvent = (event: WebhookEvent): StoredWebhookEvent => ({
  id: event.id,
  brand_id: event.share.brandId,
  type: event.type,
  payload: webhookPayload(event),
});
