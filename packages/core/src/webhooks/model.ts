import type { WebhookEventType, WebhookPayload } from "./events";

/** An endpoint as stored: the signing secret only as ciphertext. */
export interface WebhookEndpoint {
  id: string;
  brandId: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  /** The `whsec_…` secret under the secret cipher (AES-256-GCM); shown in plaintext once, at create and rotate. */
  secretCiphertext: string;
  createdBy: string;
  createdAt: Date;
  /** Set when a run of failed deliveries disabled it; nothing is sent while set. */
  disabledAt: Date | null;
  disabledReason: string | null;
  /** Deliveries in a row that used every attempt; reset by any success. */
  failedDeliveriesInRow: number;
}

/**
 * `pending`: queued or waiting for its next attempt; `succeeded`: a 2xx
 * answer; `failed`: every attempt used, or the endpoint was disabled.
 */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event for one endpoint, with the outcome of its latest attempt. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  brandId: string;
  /** The `webhook-id` header: the same on every attempt, so a receiver can drop repeats. */
  eventId: string;
  eventType: WebhookEventType;
  payload: WebhookPayload;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  /** HTTP status of the latest answer; null when none came (timeout, refused address, network error). */
  lastResponseStatus: number | null;
  lastDurationMs: number | null;
  /** Why the latest attempt failed, in words (never the response body). */
  lastError: string | null;
}
