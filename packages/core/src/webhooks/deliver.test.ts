import { describe, expect, it } from "vitest";
import { createAesGcmTokenCipher } from "../shares/token-cipher";
import { createFakeClock } from "../testing/fake-clock";
import { buildActor, buildBrand } from "../testing/fixtures";
import { createInMemoryWebhooks } from "../testing/in-memory-webhooks";
import { createSeededRandom } from "../testing/seeded-random";
import { DEFAULT_WEBHOOK_RETRY_POLICY } from "./backoff";
import { attemptWebhookDelivery } from "./deliver";
import type { WebhookDeliveryDeps } from "./deps";
import { createWebhookEndpoint } from "./manage-endpoints";
import type { WebhookRequest, WebhookResponse } from "./ports";

const setup = async (answers: (number | null)[]) => {
  const random = createSeededRandom(3);
  const clock = createFakeClock();
  const webhooks = createInMemoryWebhooks(random, () => clock.now());
  const secretCipher = createAesGcmTokenCipher("webhook-test-secret-0123456789");
  const manager = buildActor(buildBrand(), "manager");
  const { endpoint, secret } = await createWebhookEndpoint(
    { webhooks, clock, random, secretCipher, urlPolicy: { allowPrivate: false } },
    manager,
    { url: "https://hooks.example.com/in" },
  );
  const sent: WebhookRequest[] = [];
  const deps: WebhookDeliveryDeps = {
    store: webhooks,
    clock,
    secretCipher,
    policy: DEFAULT_WEBHOOK_RETRY_POLICY,
    random01: () => 0,
    sender: {
      async send(request): Promise<WebhookResponse> {
        sent.push(request);
        const next = answers.shift();
        const status = next === undefined ? 200 : next;
        return {
          ok: status !== null && status < 300,
          status,
          durationMs: 12,
          error: status === null ? "Timed out" : null,
        };
      },
    },
  };
  const fan = (id: string) =>
    webhooks.fanOut({
      id,
      brand_id: manager.brandId,
      type: "share.created",
      payload: { type: "share.created" } as never,
    });
  return { deps, webhooks, clock, endpoint, secret, sent, fan };
};

/** Runs queued attempts in order, moving the clock to each one's time. */
const drain = async (k: Awaited<ReturnType<typeof setup>>) => {
  for (let i = 0; i < k.webhooks.queued.length; i++) {
    const job = k.webhooks.queued[i];
    if (!job) break;
    k.clock.set(job.at);
    await attemptWebhookDelivery(k.deps, job.deliveryId);
  }
};

describe("attemptWebhookDelivery", () => {
  it("retries on the schedule with one webhook-id, signing with the endpoint's secret, until a 2xx", async () => {
    const k = await setup([500, null, 503]);
    await k.fan("evt-1");
    await drain(k);
    expect(k.sent).toHaveLength(4);
    expect(new Set(k.sent.map((s) => s.messageId))).toEqual(new Set(["evt-1"]));
    expect(k.sent.every((s) => s.secret === k.secret)).toBe(true);
    const gaps = k.webhooks.queued
      .slice(1)
      .map((q, i) => q.at.getTime() - (k.webhooks.queued[i]?.at.getTime() ?? 0));
    expect(gaps).toEqual([5_000, 300_000, 1_800_000]);
    const [delivery] = k.webhooks.deliveries.values();
    expect(delivery).toMatchObject({
      status: "succeeded",
      attempts: 4,
      lastResponseStatus: 200,
      lastError: null,
    });
  });

  it("gives up after eight attempts and a run of such deliveries disables the endpoint", async () => {
    const k = await setup(Array(100).fill(500));
    for (let i = 0; i < DEFAULT_WEBHOOK_RETRY_POLICY.disableAfterFailedDeliveries; i++) {
      k.webhooks.queued.length = 0;
      await k.fan(`evt-${i}`);
      await drain(k);
    }
    const deliveries = [...k.webhooks.deliveries.values()];
    expect(deliveries.every((d) => d.status === "failed" && d.attempts === 8)).toBe(true);
    const endpoint = k.webhooks.endpoints.get(k.endpoint.id);
    expect(endpoint?.disabledAt).not.toBeNull();
    expect(endpoint?.disabledReason).toMatch(/5 deliveries in a row/);
    // Nothing is fanned out to a disabled endpoint.
    expect(await k.fan("evt-after")).toBe(0);
  });

  it("a success resets the failure run; a repeated job does nothing", async () => {
    const k = await setup([...Array(8).fill(500), 200]);
    await k.fan("a");
    await drain(k);
    expect(k.webhooks.endpoints.get(k.endpoint.id)?.failedDeliveriesInRow).toBe(1);
    k.webhooks.queued.length = 0;
    await k.fan("b");
    await drain(k);
    expect(k.webhooks.endpoints.get(k.endpoint.id)?.failedDeliveriesInRow).toBe(0);
    const done = [...k.webhooks.deliveries.values()].find((d) => d.eventId === "b");
    expect(await attemptWebhookDelivery(k.deps, done?.id ?? "")).toBe("skipped");
    expect(k.sent).toHaveLength(9);
  });
});
