import type { WebhookDelivery, WebhookEndpoint } from "@sharelinks/core";
import type { webhookDeliveries, webhookEndpoints } from "../schema";

export const endpointFromRow = (row: typeof webhookEndpoints.$inferSelect): WebhookEndpoint => ({
  id: row.id,
  brandId: row.brandId,
  url: row.url,
  events: row.events,
  description: row.description,
  secretCiphertext: row.secretCiphertext,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  disabledAt: row.disabledAt,
  disabledReason: row.disabledReason,
  failedDeliveriesInRow: row.failedDeliveriesInRow,
});

export const deliveryFromRow = (row: typeof webhookDeliveries.$inferSelect): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpointId,
  brandId: row.brandId,
  eventId: row.eventId,
  eventType: row.eventType,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  createdAt: row.createdAt,
  lastAttemptAt: row.lastAttemptAt,
  nextAttemptAt: row.nextAttemptAt,
  lastResponseStatus: row.lastResponseStatus,
  lastDurationMs: row.lastDurationMs,
  lastError: row.lastError,
});
