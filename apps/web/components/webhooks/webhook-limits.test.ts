import {
  createWebhookEndpointInputSchema,
  MAX_WEBHOOK_DESCRIPTION_LENGTH,
  MAX_WEBHOOK_ENDPOINTS_PER_BRAND,
  MAX_WEBHOOK_URL_LENGTH,
  WEBHOOK_EVENT_TYPES,
} from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { EVENT_HINTS, EVENT_TYPES, WEBHOOK_LIMITS } from "./webhook-limits";

describe("webhook form limits", () => {
  it("equal core's rules", () => {
    expect(WEBHOOK_LIMITS).toEqual({
      url: MAX_WEBHOOK_URL_LENGTH,
      description: MAX_WEBHOOK_DESCRIPTION_LENGTH,
      endpointsPerBrand: MAX_WEBHOOK_ENDPOINTS_PER_BRAND,
    });
    expect(createWebhookEndpointInputSchema.shape.url.maxLength).toBe(WEBHOOK_LIMITS.url);
  });

  it("offer every event of the catalog; sentences only for events that exist", () => {
    expect(EVENT_TYPES).toEqual(WEBHOOK_EVENT_TYPES);
    // A new event shows by its name until it gets a sentence here.
    for (const type of Object.keys(EVENT_HINTS)) expect(WEBHOOK_EVENT_TYPES).toContain(type);
    expect(Object.keys(EVENT_HINTS).length).toBeGreaterThanOrEqual(12);
  });
});
