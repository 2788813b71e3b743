import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@sharelinks/core/webhook-events";

/**
 * The webhook form's limits and the event catalog. Core's schemas are the
 * source; they import zod and more, so the browser bundle gets these figures
 * (webhook-limits.test.ts fails the moment one drifts from core) and the
 * catalog from core's dependency-free events module.
 */
export const WEBHOOK_LIMITS = {
  url: 2048,
  description: 500,
  endpointsPerBrand: 20,
} as const;

export const EVENT_TYPES: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES;

/** What each event means, in the words of the settings page. */
export const EVENT_HINTS: Partial<Record<WebhookEventType, string>> = {
  "share.created": "A link was created",
  "share.refreshed": "A link's snapshot or branding was refreshed",
  "share.rotated": "A link got a new address",
  "share.extended": "A link's expiry was extended",
  "share.revoked": "A link was revoked",
  "share.removed": "A link was removed",
  "share.cancelled": "Links were cancelled in bulk",
  "share.expired": "A link expired",
  "share.first_viewed": "A link was opened for the first time",
  "share.paused": "A link was paused",
  "share.resumed": "A paused link was resumed",
  "share.expiring": "A link expires in 7 days, or in 1 day",
};
