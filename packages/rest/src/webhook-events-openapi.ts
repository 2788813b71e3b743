import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@sharelinks/core";
import type { z } from "zod";
import { webhookEventPayloadSchema } from "./webhook-schemas";

type Json = Record<string, unknown>;

/** What each event reports (docs/webhooks.md has the details). */
const SUMMARIES: Record<string, string> = {
  "share.created": "A share link was created",
  "share.refreshed": "A share's snapshot or branding was refreshed",
  "share.rotated": "A share link got a new token (the old URL stopped working)",
  "share.extended": "A share's expiry was extended",
  "share.revoked": "A share link was revoked",
  "share.removed": "A share link was removed",
  "share.cancelled": "Share links were cancelled in bulk",
  "share.expired": "A share link expired (found by a scheduled scan, sent once per expiry)",
  "share.first_viewed": "A share link was opened by a browser for the first time (bots never count)",
  "share.paused": "A share link was paused",
  "share.resumed": "A paused share link was resumed",
  "share.expiring": "A share link expires soon (7 days and 1 day before; `data.days_left`)",
};

const SIGNATURE_HEADERS: Json[] = [
  {
    name: "webhook-id",
    in: "header",
    required: true,
    description: "The event id: the same on every retry of this event, so drop repeats by it.",
    schema: { type: "string", format: "uuid" },
  },
  {
    name: "webhook-timestamp",
    in: "header",
    required: true,
    description: "Unix seconds when this attempt was signed.",
    schema: { type: "string", pattern: "^[0-9]+$" },
  },
  {
    name: "webhook-signature",
    in: "header",
    required: true,
    description:
      "`v1,<base64 HMAC-SHA256>` per Standard Webhooks, under the endpoint's `whsec_` secret. Verify with the `standardwebhooks` package: `new Webhook(secret).verify(rawBody, headers)`.",
    schema: { type: "string" },
  },
];

/**
 * The OpenAPI 3.1 `webhooks` object: one entry per event type of the catalog,
 * each a signed POST of the WebhookEvent body. `addSchema` registers the
 * body as a component and answers its `$ref`.
 */
export const webhookEventsOpenApi = (addSchema: (schema: z.ZodType, id: string) => string): Json => {
  const ref = `#/components/schemas/${addSchema(webhookEventPayloadSchema, "WebhookEvent")}`;
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type: WebhookEventType) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(".", "_")}`,
          summary: SUMMARIES[type] ?? type,
          description: `Sent to every enabled endpoint of the brand subscribed to \`${type}\`. Any 2xx answer acknowledges it; otherwise it is retried (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), at least once, never under another \`webhook-id\`. 10 s timeout, no redirects followed.`,
          tags: ["Webhooks"],
          parameters: SIGNATURE_HEADERS,
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: ref } } },
          },
          responses: {
            "2XX": { description: "Acknowledged: the delivery is logged as succeeded." },
            default: {
              description: "Anything else (or no answer in 10 s) is a failed attempt, retried later.",
            },
          },
        },
      },
    ]),
  );
};
