import { RESOURCE_TYPES, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from "@sharelinks/core";
import { z } from "zod";

/** Response shapes of the webhook endpoint routes. */

const timestamp = z.iso.datetime().meta({ description: "ISO-8601 timestamp (UTC)." });

export const webhookEndpointSchema = z
  .strictObject({
    object: z.literal("webhook_endpoint"),
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    description: z.string().nullable(),
    status: z.enum(["enabled", "disabled"]).meta({
      description:
        "`disabled` after 5 deliveries in a row failed every attempt; nothing is sent until it is enabled again.",
    }),
    disabled_at: timestamp.nullable(),
    disabled_reason: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookEndpointWithSecretSchema = webhookEndpointSchema
  .extend({
    secret: z.string().meta({
      description:
        "The `whsec_…` signing secret (Standard Webhooks). Shown in this response only; store it now.",
    }),
  })
  .meta({ id: "WebhookEndpointWithSecret" });

export const webhookEndpointListSchema = z
  .strictObject({ object: z.literal("list"), data: z.array(webhookEndpointSchema), has_more: z.boolean() })
  .meta({ id: "WebhookEndpointList" });

export const webhookDeliverySchema = z
  .strictObject({
    object: z.literal("webhook_delivery"),
    id: z.uuid(),
    endpoint_id: z.uuid(),
    event_id: z.uuid().meta({ description: "The `webhook-id` header of every attempt of this delivery." }),
    event_type: z.enum(WEBHOOK_EVENT_TYPES),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).meta({
      description:
        "`pending` (queued or waiting for a retry), `succeeded` (a 2xx), `failed` (every attempt used).",
    }),
    attempts: z.int().min(0),
    created_at: timestamp,
    last_attempt_at: timestamp.nullable(),
    next_attempt_at: timestamp.nullable(),
    last_response_status: z
      .int()
      .nullable()
      .meta({ description: "HTTP status of the latest answer; null when none came." }),
    last_duration_ms: z.int().nullable(),
    last_error: z.string().nullable(),
  })
  .meta({ id: "WebhookDelivery" });

export const webhookDeliveryListSchema = z
  .strictObject({ object: z.literal("list"), data: z.array(webhookDeliverySchema), has_more: z.boolean() })
  .meta({ id: "WebhookDeliveryList" });

/** The JSON body POSTed to an endpoint (core's `webhookPayload`): ids and dates, never a token or URL. */
export const webhookEventPayloadSchema = z
  .strictObject({
    type: z.enum(WEBHOOK_EVENT_TYPES),
    timestamp: timestamp.meta({ description: "When the change happened (ISO-8601, UTC)." }),
    data: z.strictObject({
      share_id: z.uuid(),
      brand_id: z.uuid(),
      owner_id: z.uuid(),
      resource_type: z.enum(RESOURCE_TYPES),
      resource_id: z.uuid(),
      expires_at: timestamp,
      actor_id: z.uuid().nullable().meta({
        description: "The user who made the change; null for what no user did (expiry, first view).",
      }),
      days_left: z
        .int()
        .min(0)
        .optional()
        .meta({ description: "`share.expiring` only: whole days left before `expires_at`, rounded up." }),
    }),
  })
  .meta({ id: "WebhookEvent" });
