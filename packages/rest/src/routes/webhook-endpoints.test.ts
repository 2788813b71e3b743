import { WEBHOOK_EVENT_TYPES } from "@sharelinks/core";
import { relayWebhookOutbox, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
} from "../test-support/harness";

const URL_OK = "https://hooks.example.com/sharelinks";

describe.each(testDatabaseKinds())("/v1/webhook-endpoints on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let other: Tenant;
  const queued: unknown[] = [];
  beforeAll(async () => {
    h = await startHarness(kind);
    t = await provisionTenant(h, 2);
    other = await provisionTenant(h, 1);
    // Jobs are recorded, not run: this file checks the API, apps/web's tests the delivery.
    h.services.jobs.bind({
      async sendWithin(_tx, queue, data) {
        queued.push({ queue, data });
        return "job";
      },
    });
  }, 120_000);
  afterAll(() => h.close());

  it("a manager creates (201, whsec_ secret once), lists (no secret), rotates and deletes (204)", async () => {
    const created = await h.request("POST", "/v1/webhook-endpoints", {
      key: t.manager.key,
      body: { url: URL_OK, description: "CRM sync" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      object: "webhook_endpoint",
      url: URL_OK,
      description: "CRM sync",
      events: [...WEBHOOK_EVENT_TYPES],
      status: "enabled",
    });
    expect(created.json.secret).toMatch(/^whsec_/);
    expect(Object.keys(created.json).sort()).toEqual([
      "created_at",
      "description",
      "disabled_at",
      "disabled_reason",
      "events",
      "id",
      "object",
      "secret",
      "status",
      "url",
    ]);

    const listed = await h.request("GET", "/v1/webhook-endpoints", { key: t.manager.key });
    expect(listed.status).toBe(200);
    expect(listed.json.data.map((e: { id: string }) => e.id)).toContain(created.json.id);
    expect(JSON.stringify(listed.json)).not.toContain(created.json.secret);

    const rotated = await h.request("POST", `/v1/webhook-endpoints/${created.json.id}/rotate-secret`, {
      key: t.manager.key,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(created.json.secret);

    const deleted = await h.request("DELETE", `/v1/webhook-endpoints/${created.json.id}`, {
      key: t.manager.key,
    });
    expect(deleted.status).toBe(204);
    const again = await h.request("DELETE", `/v1/webhook-endpoints/${created.json.id}`, {
      key: t.manager.key,
    });
    expect(again.status).toBe(404);
  });

  it("refuses http, private addresses and unknown event types with 422 naming the field", async () => {
    for (const body of [
      { url: "http://hooks.example.com/" },
      { url: "https://169.254.169.254/latest/meta-data" },
      { url: "https://10.0.0.1/" },
      { url: "https://[::1]/" },
      { url: "https://localhost/" },
      { url: URL_OK, events: ["share.viewed"] },
      { url: URL_OK, events: [] },
    ]) {
      const refused = await h.request("POST", "/v1/webhook-endpoints", { key: t.manager.key, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.json.request_id).toBeTruthy();
      expect(JSON.stringify(refused.json.error.details)).toMatch(/"(url|events)/);
    }
  });

  it("permissions: members 403 on every route (owner or teammate alike), another brand's manager 404", async () => {
    const created = await h.request("POST", "/v1/webhook-endpoints", {
      key: t.manager.key,
      body: { url: URL_OK, events: ["share.created"] },
    });
    const id = created.json.id as string;
    const deliveryId = "00000000-0000-4000-8000-000000000000";
    const routes: [string, string, unknown?][] = [
      ["POST", "/v1/webhook-endpoints", { url: URL_OK }],
      ["GET", "/v1/webhook-endpoints"],
      ["DELETE", `/v1/webhook-endpoints/${id}`],
      ["POST", `/v1/webhook-endpoints/${id}/rotate-secret`],
      ["POST", `/v1/webhook-endpoints/${id}/enable`],
      ["GET", `/v1/webhook-endpoints/${id}/deliveries`],
      ["POST", `/v1/webhook-endpoints/${id}/deliveries/${deliveryId}/retry`],
    ];
    for (const member of t.members as Member[]) {
      for (const [method, path, body] of routes) {
        const answer = await h.request(method, path, {
          key: member.key,
          ...(body !== undefined && { body }),
        });
        expect(answer.status, `${method} ${path}`).toBe(403);
        expect(answer.json.error.code).toBe("forbidden");
      }
    }
    for (const [method, path] of routes.slice(2)) {
      const answer = await h.request(method, path, { key: other.manager.key });
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    const otherList = await h.request("GET", "/v1/webhook-endpoints", { key: other.manager.key });
    expect(otherList.json.data.map((e: { id: string }) => e.id)).not.toContain(id);
  });

  it("deliveries: a share change becomes a pending delivery; retry is 409 while pending, 202 after", async () => {
    const created = await h.request("POST", "/v1/webhook-endpoints", {
      key: t.manager.key,
      body: { url: URL_OK, events: ["share.created"] },
    });
    const id = created.json.id as string;
    const share = await h.request("POST", `/v1/reports/${t.reportId}/shares`, {
      key: (t.members[0] as Member).key,
    });
    expect(share.status).toBe(201);
    // The relay's work, done here without a job queue.
    await h.services.db.orm.transaction((tx) => relayWebhookOutbox(tx, h.services.jobs));

    const log = await h.request("GET", `/v1/webhook-endpoints/${id}/deliveries`, { key: t.manager.key });
    expect(log.status).toBe(200);
    expect(log.json.data).toHaveLength(1);
    const [delivery] = log.json.data;
    expect(delivery).toMatchObject({
      event_type: "share.created",
      status: "pending",
      attempts: 0,
      last_response_status: null,
    });
    const retryPath = `/v1/webhook-endpoints/${id}/deliveries/${delivery.id}/retry`;
    expect((await h.request("POST", retryPath, { key: t.manager.key })).status).toBe(409);

    await h.services.webhooks.webhooks.recordAttempt({
      deliveryId: delivery.id,
      endpointId: id,
      at: new Date(),
      attempts: 8,
      status: "failed",
      nextAttemptAt: null,
      responseStatus: 500,
      durationMs: 12,
      error: "HTTP 500",
      endpointOutcome: "none",
      disableAfter: 5,
    });
    const failed = await h.request("GET", `/v1/webhook-endpoints/${id}/deliveries`, { key: t.manager.key });
    expect(failed.json.data[0]).toMatchObject({
      status: "failed",
      attempts: 8,
      last_response_status: 500,
      last_duration_ms: 12,
    });
    const before = queued.length;
    const retried = await h.request("POST", retryPath, { key: t.manager.key });
    expect(retried.status).toBe(202);
    expect(retried.json.status).toBe("pending");
    expect(queued.slice(before)).toEqual([{ queue: "webhooks.deliver", data: { delivery_id: delivery.id } }]);
  });
});
