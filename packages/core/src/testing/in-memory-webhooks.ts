import { subscribes } from "../webhooks/endpoint-rules";
import type { StoredWebhookEvent } from "../webhooks/events";
import type { WebhookDelivery, WebhookEndpoint } from "../webhooks/model";
import type { AttemptRecord, WebhookDeliveryStore, WebhookRepository } from "../webhooks/ports";

/**
 * Endpoints and deliveries in memory, behaving as the database does (newest
 * first, one delivery per endpoint and event); `queued` lists the attempts the
 * store asked the job queue for, in order.
 */
export interface InMemoryWebhooks extends WebhookRepository, WebhookDeliveryStore {
  endpoints: Map<string, WebhookEndpoint>;
  deliveries: Map<string, WebhookDelivery>;
  queued: { deliveryId: string; at: Date }[];
}

export const createInMemoryWebhooks = (ids: { uuid(): string }, now: () => Date): InMemoryWebhooks => {
  const endpoints = new Map<string, WebhookEndpoint>();
  const deliveries = new Map<string, WebhookDelivery>();
  const queued: { deliveryId: string; at: Date }[] = [];
  const clone = <T>(value: T): T => structuredClone(value);
  return {
    endpoints,
    deliveries,
    queued,
    async insertEndpoint(endpoint) {
      endpoints.set(endpoint.id, clone(endpoint));
    },
    async countEndpoints(brandId) {
      return [...endpoints.values()].filter((e) => e.brandId === brandId).length;
    },
    async listEndpoints(brandId) {
      return [...endpoints.values()].filter((e) => e.brandId === brandId).map(clone);
    },
    async findEndpoint(id) {
      const found = endpoints.get(id);
      return found ? clone(found) : null;
    },
    async deleteEndpoint(id) {
      endpoints.delete(id);
      for (const [key, d] of deliveries) if (d.endpointId === id) deliveries.delete(key);
    },
    async updateSecret(id, secretCiphertext) {
      const found = endpoints.get(id);
      if (found) found.secretCiphertext = secretCiphertext;
    },
    async enableEndpoint(id) {
      const found = endpoints.get(id);
      if (found) Object.assign(found, { disabledAt: null, disabledReason: null, failedDeliveriesInRow: 0 });
    },
    async listDeliveries({ endpointId, limit, startingAfter }) {
      const all = [...deliveries.values()].filter((d) => d.endpointId === endpointId).reverse();
      const start = startingAfter ? all.findIndex((d) => d.id === startingAfter) + 1 : 0;
      const items = all.slice(start, start + limit).map(clone);
      return { items, hasMore: start + limit < all.length };
    },
    async findDelivery(id) {
      const found = deliveries.get(id);
      return found ? clone(found) : null;
    },
    async requeueDelivery(id, at) {
      const found = deliveries.get(id);
      if (!found || found.status === "pending") return false;
      Object.assign(found, { status: "pending", nextAttemptAt: at });
      queued.push({ deliveryId: id, at });
      return true;
    },
    async loadAttempt(id) {
      const delivery = deliveries.get(id);
      const endpoint = delivery && endpoints.get(delivery.endpointId);
      return delivery && endpoint ? { delivery: clone(delivery), endpoint: clone(endpoint) } : null;
    },
    async recordAttempt(record: AttemptRecord) {
      const delivery = deliveries.get(record.deliveryId);
      if (!delivery) return;
      Object.assign(delivery, {
        status: record.status,
        attempts: record.attempts,
        lastAttemptAt: record.at,
        nextAttemptAt: record.nextAttemptAt,
        lastResponseStatus: record.responseStatus,
        lastDurationMs: record.durationMs,
        lastError: record.error,
      });
      if (record.nextAttemptAt) queued.push({ deliveryId: record.deliveryId, at: record.nextAttemptAt });
      const endpoint = endpoints.get(record.endpointId);
      if (!endpoint) return;
      if (record.endpointOutcome === "success") endpoint.failedDeliveriesInRow = 0;
      if (record.endpointOutcome === "exhausted") {
        endpoint.failedDeliveriesInRow += 1;
        if (endpoint.failedDeliveriesInRow >= record.disableAfter && !endpoint.disabledAt) {
          endpoint.disabledAt = record.at;
          endpoint.disabledReason = `${endpoint.failedDeliveriesInRow} deliveries in a row failed every attempt`;
        }
      }
    },
    async fanOut(event: StoredWebhookEvent) {
      let added = 0;
      for (const endpoint of endpoints.values()) {
        if (
          endpoint.brandId !== event.brand_id ||
          endpoint.disabledAt ||
          !subscribes(endpoint.events, event.type)
        )
          continue;
        if ([...deliveries.values()].some((d) => d.endpointId === endpoint.id && d.eventId === event.id))
          continue;
        const id = ids.uuid();
        deliveries.set(id, {
          id,
          endpointId: endpoint.id,
          brandId: endpoint.brandId,
          eventId: event.id,
          eventType: event.type,
          payload: clone(event.payload),
          status: "pending",
          attempts: 0,
          createdAt: now(),
          lastAttemptAt: null,
          nextAttemptAt: now(),
          lastResponseStatus: null,
          lastDurationMs: null,
          lastError: null,
        });
        queued.push({ deliveryId: id, at: now() });
        added += 1;
      }
      return added;
    },
  };
};
