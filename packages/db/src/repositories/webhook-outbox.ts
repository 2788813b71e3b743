import { type StoredWebhookEvent, storedWebhookEvent, subscribes, type WebhookEvent } from "@sharelinks/core";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Orm } from "../client";
import type { JobSlot } from "../jobs/job-slot";
import { webhookDeliveries, webhookEndpoints, webhookOutbox } from "../schema";

/** Writes a webhook event to the outbox, on the transaction of the change it reports. */
export const writeWebhookEvent = (tx: Orm, event: WebhookEvent): Promise<void> =>
  writeWebhookEvents(tx, [event]);

/** Several events in one statement (a view flush's first views). */
export const writeWebhookEvents = async (tx: Orm, events: readonly WebhookEvent[]): Promise<void> => {
  if (events.length === 0) return;
  await webhookEventInsert(tx, events);
};

/** The outbox insert of some events, not yet sent (a share write folds it into its own statement). */
export const webhookEventInsert = (tx: Orm, events: readonly WebhookEvent[]) =>
  tx
    .insert(webhookOutbox)
    .values(
      events.map((event) => {
        const stored = storedWebhookEvent(event);
        return { id: stored.id, brandId: stored.brand_id, type: stored.type, payload: stored.payload };
      }),
    )
    .onConflictDoNothing();

/** Events the relay moves per transaction. */
export const RELAY_BATCH = 100;

/**
 * The relay: takes outbox rows (`SKIP LOCKED`, so instances share the work),
 * makes one delivery per enabled, subscribed endpoint with its delivery job,
 * and deletes the rows, all in one transaction. A crash before the commit
 * leaves the rows for the next run; the unique (endpoint, event) index makes a
 * second pass add nothing. Returns the events moved.
 */
export const relayWebhookOutbox = async (tx: Orm, jobs: JobSlot, batch = RELAY_BATCH): Promise<number> => {
  const rows = await tx
    .select()
    .from(webhookOutbox)
    .orderBy(asc(webhookOutbox.createdAt))
    .limit(batch)
    .for("update", { skipLocked: true });
  if (rows.length === 0) return 0;
  const brandIds = [...new Set(rows.map((r) => r.brandId))];
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, brandId: webhookEndpoints.brandId, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.brandId, brandIds), isNull(webhookEndpoints.disabledAt)));
  for (const row of rows) {
    const event: StoredWebhookEvent = {
      id: row.id,
      brand_id: row.brandId,
      type: row.type,
      payload: row.payload,
    };
    await fanOutOn(tx, jobs, event, endpoints);
  }
  await tx.delete(webhookOutbox).where(
    inArray(
      webhookOutbox.id,
      rows.map((r) => r.id),
    ),
  );
  return rows.length;
};

/** One delivery (and its first attempt's job) per subscribed endpoint; repeats add nothing. */
export const fanOutOn = async (
  tx: Orm,
  jobs: JobSlot,
  event: StoredWebhookEvent,
  endpoints: { id: string; brandId: string; events: string[] }[],
): Promise<number> => {
  const targets = endpoints.filter((e) => e.brandId === event.brand_id && subscribes(e.events, event.type));
  if (targets.length === 0) return 0;
  const now = new Date();
  const inserted = await tx
    .insert(webhookDeliveries)
    .values(
      targets.map((endpoint) => ({
        endpointId: endpoint.id,
        brandId: event.brand_id,
        eventId: event.id,
        eventType: event.type,
        payload: event.payload,
        nextAttemptAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  for (const { id } of inserted) await jobs.queue.sendWithin(tx, "webhooks.deliver", { delivery_id: id });
  return inserted.length;
};

export const enabledEndpointsOf = (tx: Orm, brandId: string) =>
  tx
    .select({ id: webhookEndpoints.id, brandId: webhookEndpoints.brandId, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.brandId, brandId), isNull(webhookEndpoints.disabledAt)));
