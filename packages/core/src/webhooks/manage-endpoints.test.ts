import { describe, expect, it } from "vitest";
import { domainErrorOf } from "../errors";
import { createAesGcmTokenCipher } from "../shares/token-cipher";
import { createFakeClock } from "../testing/fake-clock";
import { buildActor, buildBrand } from "../testing/fixtures";
import { createInMemoryWebhooks } from "../testing/in-memory-webhooks";
import { createSeededRandom } from "../testing/seeded-random";
import type { WebhookDeps } from "./deps";
import { WEBHOOK_EVENT_TYPES } from "./events";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  rotateWebhookSecret,
} from "./manage-endpoints";

const kit = (resolved: Record<string, string[]> = {}) => {
  const random = createSeededRandom(7);
  const clock = createFakeClock();
  const webhooks = createInMemoryWebhooks(random, () => clock.now());
  const deps: WebhookDeps = {
    webhooks,
    clock,
    random,
    secretCipher: createAesGcmTokenCipher("webhook-test-secret-0123456789"),
    urlPolicy: { allowPrivate: false },
    resolver: {
      async resolve(host) {
        const found = resolved[host];
        if (!found) throw new Error("ENOTFOUND");
        return found;
      },
    },
  };
  const brand = buildBrand();
  const other = buildBrand();
  return {
    deps,
    webhooks,
    clock,
    manager: buildActor(brand, "manager"),
    member: buildActor(brand),
    otherManager: buildActor(other, "manager"),
  };
};

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return domainErrorOf(error)?.code ?? "bug";
  }
};

const PUBLIC = { "hooks.example.com": ["93.184.216.34"] };

describe("webhook endpoints", () => {
  it("a manager creates one: events default to all, the whsec_ secret is shown once and stored encrypted", async () => {
    const k = kit(PUBLIC);
    const created = await createWebhookEndpoint(k.deps, k.manager, { url: "https://hooks.example.com/in" });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.endpoint.events).toEqual([...WEBHOOK_EVENT_TYPES]);
    const stored = k.webhooks.endpoints.get(created.endpoint.id);
    expect(JSON.stringify(stored)).not.toContain(created.secret.slice(6));
    expect(k.deps.secretCipher.decrypt(stored?.secretCiphertext ?? "")).toBe(created.secret);
    const listed = await listWebhookEndpoints(k.deps, k.manager);
    expect(listed.map((e) => e.id)).toEqual([created.endpoint.id]);
  });

  it("members get 403 on every operation; another brand's endpoint is 404", async () => {
    const k = kit(PUBLIC);
    const { endpoint } = await createWebhookEndpoint(k.deps, k.manager, {
      url: "https://hooks.example.com/in",
    });
    expect(
      await codeOf(createWebhookEndpoint(k.deps, k.member, { url: "https://hooks.example.com/in" })),
    ).toBe("forbidden");
    expect(await codeOf(listWebhookEndpoints(k.deps, k.member))).toBe("forbidden");
    expect(await codeOf(deleteWebhookEndpoint(k.deps, k.member, endpoint.id))).toBe("forbidden");
    expect(await codeOf(rotateWebhookSecret(k.deps, k.member, endpoint.id))).toBe("forbidden");
    const page = { limit: 10, startingAfter: null };
    expect(await codeOf(listWebhookDeliveries(k.deps, k.member, endpoint.id, page))).toBe("forbidden");
    expect(await codeOf(deleteWebhookEndpoint(k.deps, k.otherManager, endpoint.id))).toBe("not_found");
    expect(await codeOf(rotateWebhookSecret(k.deps, k.otherManager, endpoint.id))).toBe("not_found");
    expect(await codeOf(listWebhookDeliveries(k.deps, k.otherManager, endpoint.id, page))).toBe("not_found");
    expect(await listWebhookEndpoints(k.deps, k.otherManager)).toEqual([]);
  });

  it("refuses URLs that are not https or resolve to private addresses (422 on url)", async () => {
    const k = kit({
      ...PUBLIC,
      "internal.example.com": ["10.0.0.5"],
      "mixed.example.com": ["93.184.216.34", "127.0.0.1"],
    });
    for (const url of [
      "http://hooks.example.com/",
      "https://169.254.169.254/",
      "https://internal.example.com/",
      "https://mixed.example.com/",
      "https://nowhere.example.com/",
    ]) {
      const error = await createWebhookEndpoint(k.deps, k.manager, { url }).then(
        () => null,
        (e: unknown) => domainErrorOf(e),
      );
      expect(error?.code, url).toBe("body_validation_error");
      expect(JSON.stringify(error?.details)).toContain('"path":"url"');
    }
  });

  it("rotate hands out a new secret and the old one is gone", async () => {
    const k = kit(PUBLIC);
    const { endpoint, secret } = await createWebhookEndpoint(k.deps, k.manager, {
      url: "https://hooks.example.com/in",
    });
    const rotated = await rotateWebhookSecret(k.deps, k.manager, endpoint.id);
    expect(rotated.secret).not.toBe(secret);
    expect(k.deps.secretCipher.decrypt(k.webhooks.endpoints.get(endpoint.id)?.secretCiphertext ?? "")).toBe(
      rotated.secret,
    );
  });

  it("retry requeues a finished delivery once; a pending one is 409", async () => {
    const k = kit(PUBLIC);
    const { endpoint } = await createWebhookEndpoint(k.deps, k.manager, {
      url: "https://hooks.example.com/in",
    });
    await k.webhooks.fanOut({
      id: "e1",
      brand_id: k.manager.brandId,
      type: "share.created",
      payload: {} as never,
    });
    const [delivery] = k.webhooks.deliveries.values();
    const id = delivery?.id ?? "";
    expect(await codeOf(retryWebhookDelivery(k.deps, k.manager, endpoint.id, id))).toBe("conflict");
    Object.assign(k.webhooks.deliveries.get(id) ?? {}, { status: "failed" });
    await retryWebhookDelivery(k.deps, k.manager, endpoint.id, id);
    expect(k.webhooks.queued.map((q) => q.deliveryId)).toEqual([id, id]);
    expect(await codeOf(retryWebhookDelivery(k.deps, k.manager, endpoint.id, "nope"))).toBe("not_found");
    expect(await codeOf(retryWebhookDelivery(k.deps, k.otherManager, endpoint.id, id))).toBe("not_found");
  });
});
