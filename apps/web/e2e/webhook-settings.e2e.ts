import { executeRows } from "@sharelinks/db";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ok } from "./support/api";
import { artifact, newContext, PHONE_390, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { type RunningServer, startServer } from "./support/server";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";
import { seedWorld, shareViaApi, type World } from "./support/world";

const chromePath = requireChromium();

const acknowledged = (hooks: WebhookReceiver, type: string) =>
  hooks.hits.filter((hit) => hit.acknowledged && hit.type === type);

const openWebhooks = async (page: Page) => {
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.waitForURL(/\/settings\/webhooks$/);
  await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
};

/**
 * Settings → Webhooks in Chromium against the real server (its own, with
 * WEBHOOK_ALLOW_PRIVATE_URLS=true so a loopback receiver is allowed) and a
 * receiver that verifies every POST with `standardwebhooks`.
 */
describe.skipIf(!chromePath)("webhook settings page", () => {
  let server: RunningServer;
  let world: World;
  let browser: Browser;
  let hooks: WebhookReceiver;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    server = await startServer({ env: { WEBHOOK_ALLOW_PRIVATE_URLS: "true" } });
    world = await seedWorld(server.baseUrl, server.adminToken, "Hooksmith");
    browser = await launchChromium(chromePath as string);
    // A fresh server renders each page the first time slowly on a busy machine: warm the ones used.
    for (const path of ["/sign-in", "/reports", "/settings/webhooks"])
      await fetch(`${server.baseUrl}${path}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await hooks?.close();
  });

  it("a manager adds an endpoint (secret once), sees a share's delivery, retries it, rotates, enables after an automatic disable, deletes", {
    timeout: 300_000,
  }, async () => {
    const context = await newContext(browser);
    context.setDefaultTimeout(45_000);
    let page = await context.newPage();
    await signIn(page, server.baseUrl, world.manager);
    await openWebhooks(page);
    await page.getByText("No endpoints yet").waitFor();

    await page.getByLabel("Endpoint URL").fill(hooks.url);
    await page.getByLabel("Description").fill("CRM sync");
    await page.getByLabel("All events").uncheck();
    await page.getByRole("checkbox", { name: /share\.created/ }).check();
    await page.getByRole("checkbox", { name: /share\.revoked/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const reveal = page.getByTestId("webhook-secret");
    await reveal.getByText("shown only once").waitFor();
    const secret = await reveal.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
    hooks.secret = secret;
    await page.screenshot({ path: artifact("webhooks-secret.png") });
    await reveal.getByRole("button", { name: "Done, I've stored it" }).click();
    await reveal.waitFor({ state: "detached" });

    const cardOn = (p: Page) => p.getByTestId("webhook-endpoint").filter({ hasText: hooks.url });
    let card = cardOn(page);
    await card.getByText("CRM sync").waitFor();
    await card.getByText("created, revoked").waitFor();
    // Shown once: a reload has it nowhere on the page.
    await page.reload();
    await card.waitFor();
    expect(await page.content()).not.toContain(secret);

    // A share action by a member of the brand delivers share.created, signed with that secret.
    const share = await shareViaApi(world, world.alice, { type: "report", id: world.report.id });
    await expect.poll(() => acknowledged(hooks, "share.created").length, { timeout: 30_000 }).toBe(1);
    const first = acknowledged(hooks, "share.created")[0];
    expect(first?.shareId).toBe(share.id);
    expect(hooks.hits.every((hit) => hit.verified)).toBe(true);

    await card.getByRole("button", { name: "Deliveries" }).click();
    const rowOf = (c: typeof card) =>
      c.getByTestId("webhook-delivery-row").filter({ hasText: "share.created" });
    let row = rowOf(card);
    await row
      .getByText("Delivered")
      .waitFor()
      .catch(async (error: unknown) => {
        await page.screenshot({ path: artifact("webhooks-failure.png"), fullPage: true });
        throw error;
      });
    await row.getByText(first?.webhookId as string).waitFor();
    expect(await row.getByTestId("delivery-attempts").textContent()).toBe("1");
    expect(await row.getByTestId("delivery-response").textContent()).toBe("204");
    await page.screenshot({ path: artifact("webhooks-deliveries.png") });

    // Manual retry: one more attempt under the same webhook-id.
    await row.getByRole("button", { name: /^Retry share\.created delivery/ }).click();
    await page.getByText("Retry queued").waitFor();
    await expect.poll(() => acknowledged(hooks, "share.created").length, { timeout: 30_000 }).toBe(2);
    expect(acknowledged(hooks, "share.created")[1]?.webhookId).toBe(first?.webhookId);
    await expect
      .poll(() => row.getByTestId("delivery-attempts").textContent(), { timeout: 30_000 })
      .toBe("2");
    await row.getByText("Delivered").waitFor();

    // Rotate: the new secret is shown once and signs what comes next; the old one no longer verifies.
    await card.getByRole("button", { name: "Rotate secret of CRM sync" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Rotate secret" }).click();
    const rotated = await page
      .getByTestId("webhook-secret")
      .getByRole("textbox", { name: "Signing secret" })
      .inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    hooks.secret = rotated;
    await page.getByRole("button", { name: "Done, I've stored it" }).click();
    await ok(server.baseUrl, "DELETE", `/v1/reports/${world.report.id}/shares`, world.alice.apiKey);
    await expect.poll(() => acknowledged(hooks, "share.revoked").length, { timeout: 30_000 }).toBe(1);
    expect(hooks.hits.every((hit) => hit.verified)).toBe(true);

    // An endpoint the delivery worker disabled after a run of failures: the page says so, and Enable clears it.
    const endpointId = (
      await ok<{ data: Array<{ id: string; url: string }> }>(
        server.baseUrl,
        "GET",
        "/v1/webhook-endpoints",
        world.manager.apiKey,
      )
    ).data.find((e) => e.url === hooks.url)?.id as string;
    const disable = () =>
      server.withDatabase((db) =>
        executeRows(
          db,
          sql`update webhook_endpoints set disabled_at = now(), failed_deliveries_in_row = 5,
                disabled_reason = '5 deliveries in a row failed every attempt' where id = ${endpointId}`,
        ),
      );
    if (server.mode === "postgres") {
      await disable();
    } else {
      // Embedded PGlite belongs to one process: stop the server for the edit.
      await page.close();
      await server.crash();
      await disable();
      await server.restart();
      page = await context.newPage();
      card = cardOn(page);
      row = rowOf(card);
    }
    await page.goto(`${server.baseUrl}/settings/webhooks`);
    await page.getByRole("alert").filter({ hasText: "A webhook endpoint was disabled" }).waitFor();
    await card.getByText("Disabled", { exact: true }).waitFor();
    await card
      .getByTestId("webhook-disabled-reason")
      .getByText("5 deliveries in a row failed every attempt")
      .waitFor();
    await card.getByRole("button", { name: "Deliveries" }).click();
    expect(await row.getByRole("button", { name: /^Retry/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: artifact("webhooks-disabled.png") });
    await card.getByRole("button", { name: "Enable" }).click();
    await card.getByText("Enabled", { exact: true }).waitFor();
    await page.getByText("A webhook endpoint was disabled").waitFor({ state: "detached" });
    expect(await row.getByRole("button", { name: /^Retry/ }).isEnabled()).toBe(true);

    await card.getByRole("button", { name: "Delete endpoint CRM sync" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
    await page.getByText("No endpoints yet").waitFor();
    const listed = await ok<{ data: unknown[] }>(
      server.baseUrl,
      "GET",
      "/v1/webhook-endpoints",
      world.manager.apiKey,
    );
    expect(listed.data).toEqual([]);
    await context.close();
  });

  it("a member sees that webhooks are for managers and cannot manage them", {
    timeout: 180_000,
  }, async () => {
    const context = await newContext(browser, PHONE_390);
    context.setDefaultTimeout(45_000);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.bob);
    await page.goto(`${server.baseUrl}/settings/webhooks`);
    await page.getByTestId("webhooks-forbidden").getByText("Managers only").waitFor();
    expect(await page.getByLabel("Endpoint URL").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: artifact("webhooks-member-phone.png") });
    // And the APIs behind the page say no as well: tRPC with the member's session, REST with their key.
    const trpcStatus = await page.evaluate(async () => {
      const response = await fetch("/api/trpc/webhooks.listWebhookEndpoints");
      return response.status;
    });
    expect(trpcStatus).toBe(403);
    const refused = await call<{ error: { code: string } }>(
      server.baseUrl,
      "POST",
      "/v1/webhook-endpoints",
      world.bob.apiKey,
      { url: hooks.url },
    );
    expect(refused.status).toBe(403);

    // The API reference documents every event a receiver can get, with the signature headers and body.
    await page.goto(`${server.baseUrl}/docs`);
    const events = page.getByTestId("webhook-events");
    await events.getByRole("heading", { name: "Webhook events" }).waitFor();
    const types = await events.getByTestId("webhook-event").locator("td:first-child code").allTextContents();
    const spec = await ok<{ webhooks: Record<string, unknown> }>(
      server.baseUrl,
      "GET",
      "/v1/openapi.json",
      null,
    );
    expect(types).toEqual(Object.keys(spec.webhooks));
    expect(types).toEqual(expect.arrayContaining(["share.created", "share.expired", "share.first_viewed"]));
    await events.getByText("webhook-signature").waitFor();
    await events.getByText("actor_id").first().waitFor({ state: "attached" });
    await context.close();
  });
});
