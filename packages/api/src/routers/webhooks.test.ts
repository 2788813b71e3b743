import { describe, expect, it } from "vitest";
import { backendKinds, domainCodeOf, expectTRPCError, signedIn, useWorld } from "../test-support/harness";

const URL_OK = "https://hooks.example.com/in";

describe.each(backendKinds())("webhooks router (%s)", (kind) => {
  const t = useWorld(kind, "once");

  it("a manager creates (secret once), lists, rotates and deletes, as REST does", async () => {
    const created = await t.manager.api.webhooks.createWebhookEndpoint({
      url: URL_OK,
      events: ["share.expired"],
    });
    expect(created).toMatchObject({
      object: "webhook_endpoint",
      url: URL_OK,
      events: ["share.expired"],
      status: "enabled",
    });
    expect(created.secret).toMatch(/^whsec_/);
    const { items } = await t.manager.api.webhooks.listWebhookEndpoints();
    expect(items.map((e) => e.id)).toContain(created.id);
    expect(items.every((e) => !("secret" in e))).toBe(true);
    const rotated = await t.manager.api.webhooks.rotateWebhookSecret({ endpoint_id: created.id });
    expect(rotated.secret).not.toBe(created.secret);
    const log = await t.manager.api.webhooks.listWebhookDeliveries({ endpoint_id: created.id });
    expect(log).toEqual({ items: [], hasMore: false, nextCursor: null });
    // What the dashboard's useInfiniteQuery sends: the cursor plus direction "forward".
    const paged = await t.manager.api.webhooks.listWebhookDeliveries({
      endpoint_id: created.id,
      limit: 20,
      cursor: null,
      direction: "forward",
    });
    expect(paged).toEqual({ items: [], hasMore: false, nextCursor: null });
    await t.manager.api.webhooks.deleteWebhookEndpoint({ endpoint_id: created.id });
    await expectTRPCError(
      t.manager.api.webhooks.deleteWebhookEndpoint({ endpoint_id: created.id }),
      "NOT_FOUND",
    );
  });

  it("members (owner or teammate of a link alike) are FORBIDDEN; another brand's manager NOT_FOUND", async () => {
    const created = await t.manager.api.webhooks.createWebhookEndpoint({ url: URL_OK });
    for (const member of [t.alice, t.bob]) {
      const error = await expectTRPCError(member.api.webhooks.listWebhookEndpoints(), "FORBIDDEN");
      expect(domainCodeOf(error)).toBe("forbidden");
      await expectTRPCError(member.api.webhooks.createWebhookEndpoint({ url: URL_OK }), "FORBIDDEN");
      await expectTRPCError(
        member.api.webhooks.deleteWebhookEndpoint({ endpoint_id: created.id }),
        "FORBIDDEN",
      );
    }
    const outsider = await signedIn(t.world.services, t.world.other.user);
    await expectTRPCError(
      outsider.api.webhooks.rotateWebhookSecret({ endpoint_id: created.id }),
      "NOT_FOUND",
    );
    await expectTRPCError(
      outsider.api.webhooks.listWebhookDeliveries({ endpoint_id: created.id }),
      "NOT_FOUND",
    );
    expect((await outsider.api.webhooks.listWebhookEndpoints()).items).toEqual([]);
    await expectTRPCError(
      t.manager.api.webhooks.createWebhookEndpoint({ url: "http://hooks.example.com/" }),
      "BAD_REQUEST",
    );
  });
});
