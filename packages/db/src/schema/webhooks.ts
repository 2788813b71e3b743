import type { WebhookDeliveryStatus, WebhookEventType, WebhookPayload } from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { brands } from "./brands";
import { createdAt, id, instant } from "./columns";
import { shares } from "./shares";

/**
 * A brand's webhook endpoint. The signing secret is stored only as AES-256-GCM
 * ciphertext (as share tokens are), under a key derived apart from theirs.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: jsonb("events").$type<WebhookEventType[]>().notNull(),
    description: text("description"),
    secretCiphertext: text("secret_ciphertext").notNull(),
    // No foreign key: the endpoint outlives the manager who made it.
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    disabledAt: instant("disabled_at"),
    disabledReason: text("disabled_reason"),
    failedDeliveriesInRow: integer("failed_deliveries_in_row").notNull().default(0),
  },
  (t) => [index("webhook_endpoints_brand_id_idx").on(t.brandId, t.createdAt)],
);

/**
 * The outbox: one row per webhook event, inserted in the transaction of the
 * change it reports; the relay turns it into deliveries (and delivery jobs)
 * and deletes it, in one transaction.
 */
export const webhookOutbox = pgTable(
  "webhook_outbox",
  {
    id: uuid("id").primaryKey(),
    brandId: uuid("brand_id").notNull(),
    type: text("type").$type<WebhookEventType>().notNull(),
    payload: jsonb("payload").$type<WebhookPayload>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_outbox_created_at_idx").on(t.createdAt)],
);

/** The delivery log: one row per event and endpoint, updated by every attempt. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id").notNull(),
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").$type<WebhookEventType>().notNull(),
    payload: jsonb("payload").$type<WebhookPayload>().notNull(),
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    lastAttemptAt: instant("last_attempt_at"),
    nextAttemptAt: instant("next_attempt_at"),
    lastResponseStatus: integer("last_response_status"),
    lastDurationMs: integer("last_duration_ms"),
    lastError: text("last_error"),
  },
  (t) => [
    // A relay that runs twice adds nothing.
    uniqueIndex("webhook_deliveries_endpoint_event_key").on(t.endpointId, t.eventId),
    // The delivery log, newest first.
    index("webhook_deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt, t.id),
    // Retention of the log.
    index("webhook_deliveries_created_at_idx").on(t.createdAt),
  ],
);

/**
 * Which expiry the scan has reported per share: `share.expired` is sent once
 * per `expires_at`, so an extend re-arms it.
 */
export const shareExpiryNotices = pgTable("share_expiry_notices", {
  shareId: uuid("share_id")
    .primaryKey()
    .references(() => shares.id, { onDelete: "cascade" }),
  expiresAt: instant("expires_at").notNull(),
  notifiedAt: instant("notified_at").notNull().default(sql`now()`),
});
