import type { WebhookDelivery, WebhookEndpoint } from "./model";

/** The endpoint object of REST and tRPC alike (the secret only where a use case hands it out). */
export const webhookEndpointJson = (endpoint: WebhookEndpoint, secret?: string) => ({
  object: "webhook_endpoint" as const,
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events,
  description: endpoint.description,
  status: endpoint.disabledAt ? ("disabled" as const) : ("enabled" as const),
  disabled_at: endpoint.disabledAt?.toISOString() ?? null,
  disabled_reason: endpoint.disabledReason,
  created_at: endpoint.createdAt.toISOString(),
  ...(secret !== undefined && { secret }),
});
export type WebhookEndpointJson = ReturnType<typeof webhookEndpointJson>;

export const webhookDeliveryJson = (delivery: WebhookDelivery) => ({
  object: "webhook_delivery" as const,
  id: delivery.id,
  endpoint_id: delivery.endpointId,
  event_id: delivery.eventId,
  event_type: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts,
  created_at: delivery.createdAt.toISOString(),
  last_attempt_at: delivery.lastAttemptAt?.toISOString() ?? null,
  next_attempt_at: delivery.nextAttemptAt?.toISOString() ?? null,
  last_response_status: delivery.lastResponseStatus,
  last_duration_ms: delivery.lastDurationMs,
  last_error: delivery.lastError,
});
export type WebhookDeliveryJson = ReturnType<typeof webhookDeliveryJson>;
