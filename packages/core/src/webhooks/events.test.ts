import { describe, expect, it } from "vitest";
import { SHARE_EVENT_TYPES, type ShareEvent } from "../shares/share";
import { storedWebhookEvent, WEBHOOK_EVENT_TYPES, webhookEventOf, webhookPayload } from "./events";

const auditEvent = (type: ShareEvent["type"], subject = true): ShareEvent => ({
  id: "0b7c1c4e-9a57-4f55-8f55-4d7f7b1b0a01",
  shareId: "5d0c8a43-2f8b-4a4b-a1e0-6d2c1f7a9b10",
  brandId: "b1",
  actorId: "u1",
  type,
  at: new Date("2025-03-10T09:00:00.000Z"),
  requestId: "req_1",
  oldExpiresAt: null,
  newExpiresAt: null,
  metadata: null,
  ...(subject && {
    subject: {
      ownerId: "u1",
      resource: { type: "report", id: "r1" },
      expiresAt: new Date("2025-04-09T09:00:00.000Z"),
    },
  }),
});

describe("webhook events", () => {
  it("every catalog type is share.<an audit type>, but the reminder (no change of the share, no audit event)", () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      if (type === "share.expiring") continue;
      expect(SHARE_EVENT_TYPES).toContain(type.replace(/^share\./, ""));
    }
    expect(SHARE_EVENT_TYPES).not.toContain("expiring");
  });

  it("share.expiring carries days_left; other events do not", () => {
    const reminder = {
      ...webhookEventOf(auditEvent("extended"))!,
      type: "share.expiring" as const,
      daysLeft: 7,
    };
    expect(webhookPayload(reminder).data.days_left).toBe(7);
    expect(webhookPayload(webhookEventOf(auditEvent("extended"))!).data).not.toHaveProperty("days_left");
  });

  it("pause and resume are webhook events (docs/protection.md)", () => {
    expect(webhookEventOf(auditEvent("paused"))?.type).toBe("share.paused");
    expect(webhookEventOf(auditEvent("resumed"))?.type).toBe("share.resumed");
    expect(webhookEventOf(auditEvent("protection_changed"))).toBeNull();
  });

  it("the payload is {type, timestamp, data} with ids and dates only", () => {
    const event = webhookEventOf(auditEvent("extended"));
    expect(event).not.toBeNull();
    const stored = storedWebhookEvent(event as NonNullable<typeof event>);
    expect(stored).toEqual({
      id: "0b7c1c4e-9a57-4f55-8f55-4d7f7b1b0a01",
      brand_id: "b1",
      type: "share.extended",
      payload: {
        type: "share.extended",
        timestamp: "2025-03-10T09:00:00.000Z",
        data: {
          share_id: "5d0c8a43-2f8b-4a4b-a1e0-6d2c1f7a9b10",
          brand_id: "b1",
          owner_id: "u1",
          resource_type: "report",
          resource_id: "r1",
          expires_at: "2025-04-09T09:00:00.000Z",
          actor_id: "u1",
        },
      },
    });
  });

  it("never carries a token or a URL, whatever the share held", () => {
    const event = auditEvent("created");
    Object.assign(event.subject as object, {
      tokenHash: "h",
      tokenCiphertext: "c",
      url: "https://x/shared/t",
    });
    const body = JSON.stringify(
      storedWebhookEvent(webhookEventOf(event) as NonNullable<ReturnType<typeof webhookEventOf>>),
    );
    expect(body).not.toMatch(/token|shared\/|"c"|"h"/);
  });

  it("an audit event without its share's facts has no webhook", () => {
    expect(webhookEventOf(auditEvent("created", false))).toBeNull();
  });
});
