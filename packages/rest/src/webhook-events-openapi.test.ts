import { randomUUID } from "node:crypto";
import { WEBHOOK_EVENT_TYPES, webhookPayload } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { routes } from "./routes";
import { webhookEventPayloadSchema } from "./webhook-schemas";

// biome-ignore lint/suspicious/noExplicitAny: walking an arbitrary JSON document
type Json = Record<string, any>;

describe("OpenAPI webhooks", () => {
  const doc = buildOpenApiDocument(routes) as Json;

  it("documents every event of the catalog as a signed POST of the WebhookEvent body", () => {
    expect(Object.keys(doc.webhooks)).toEqual([...WEBHOOK_EVENT_TYPES]);
    for (const type of WEBHOOK_EVENT_TYPES) {
      const post = doc.webhooks[type].post;
      expect(post.summary, type).not.toBe(type);
      expect(post.parameters.map((p: Json) => [p.name, p.in, p.required])).toEqual([
        ["webhook-id", "header", true],
        ["webhook-timestamp", "header", true],
        ["webhook-signature", "header", true],
      ]);
      expect(post.requestBody.content["application/json"].schema).toEqual({
        $ref: "#/components/schemas/WebhookEvent",
      });
    }
    const body = doc.components.schemas.WebhookEvent;
    expect(body.properties.type.enum).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(Object.keys(body.properties.data.properties).sort()).toEqual(
      [
        "actor_id",
        "brand_id",
        "days_left",
        "expires_at",
        "owner_id",
        "resource_id",
        "resource_type",
        "share_id",
      ].sort(),
    );
    // Nothing that could carry a token or a link.
    expect(JSON.stringify(body)).not.toMatch(/token|url/i);
  });

  it("describes exactly what core sends: a real payload parses under the strict schema", () => {
    for (const actorId of [randomUUID(), null]) {
      const payload = webhookPayload({
        id: randomUUID(),
        type: "share.extended",
        at: new Date("2026-12-01T10:00:00.000Z"),
        actorId,
        share: {
          shareId: randomUUID(),
          brandId: randomUUID(),
          ownerId: randomUUID(),
          resource: { type: "scheduled", id: randomUUID() },
          expiresAt: new Date("2026-12-31T10:00:00.000Z"),
        },
      });
      expect(webhookEventPayloadSchema.parse(payload)).toEqual(payload);
    }
    expect(() =>
      webhookEventPayloadSchema.parse({ type: "share.created", timestamp: "x", data: {} }),
    ).toThrow();
  });
});
