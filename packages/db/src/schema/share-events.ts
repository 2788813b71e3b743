import { SHARE_EVENT_TYPES } from "@sharelinks/core";
import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";

export const shareEventType = pgEnum("share_event_type", SHARE_EVENT_TYPES);

/**
 * The audit trail: one row per state change of a share. Deliberately without
 * foreign keys: the share (and possibly its owner) is deleted while its
 * history must stay.
 */
export const shareEvents = pgTable(
  "share_events",
  {
    id: id(),
    shareId: uuid("share_id").notNull(),
    brandId: uuid("brand_id").notNull(),
    /** Null for what no user did (first view, expiry). */
    actorId: uuid("actor_id"),
    type: shareEventType("type").notNull(),
    at: instant("at").notNull().defaultNow(),
    requestId: text("request_id"),
    oldExpiresAt: instant("old_expires_at"),
    newExpiresAt: instant("new_expires_at"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("share_events_share_id_idx").on(t.shareId, t.at),
    // A brand's audit trail in time order.
    index("share_events_brand_id_at_idx").on(t.brandId, t.at),
    // Retention: the oldest events first, whatever their brand.
    index("share_events_at_idx").on(t.at),
  ],
);
