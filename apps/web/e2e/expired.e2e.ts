import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./support/api";
import { artifact, newContext, PHONE, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { type RunningServer, startServer } from "./support/server";
import { seedWorld, shareViaApi, type World } from "./support/world";

const chromePath = requireChromium();

describe.skipIf(!chromePath)("an expired link", () => {
  let server: RunningServer;
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Tailspin");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("answers 410 with the expired page, and the owner can renew it", async () => {
    const share = await shareViaApi(
      world,
      world.carol,
      { type: "report", id: world.report.id },
      { expiration_days: 1 },
    );
    // Time passes: the expiry moves into the past in the database (a link is active while now <= expires_at).
    await server.expireShare(share.id);

    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(share.share_url);
    expect(response?.status()).toBe(410);
    expect(response?.headers()["cache-control"]).toBe("no-store");
    expect(response?.headers()["x-robots-tag"]).toContain("noindex");
    await page.getByRole("heading", { level: 1, name: "This link has expired" }).waitFor();
    expect(await page.locator("script").count()).toBe(0);
    await page.screenshot({ path: artifact("public-page-expired-desktop.png") });
    const phone = await newContext(browser, PHONE);
    const phonePage = await phone.newPage();
    expect((await phonePage.goto(share.share_url))?.status()).toBe(410);
    await phonePage.screenshot({ path: artifact("public-page-expired-phone.png") });
    await phone.close();

    const api = await call<{ error: { code: string } }>(
      server.baseUrl,
      "GET",
      `/v1/shared/${share.access_token}`,
      null,
    );
    expect(api.status).toBe(410);
    expect(api.body.error.code).toBe("gone");

    // Unknown token: the 404 page.
    const unknown = await page.goto(`${server.baseUrl}/shared/${"A".repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Link not found" }).waitFor();

    // The owner finds it under Expired in My links and renews it: same address, live again.
    await signIn(page, server.baseUrl, world.carol);
    await page.getByRole("link", { name: "My links" }).click();
    await page.getByText("No active links").waitFor();
    await page.getByRole("button", { name: "Expired" }).click();
    const row = page.locator(`[data-share-id="${share.id}"]`);
    await row.getByText("Expired").first().waitFor();
    await row.getByRole("button", { name: "Renew 30 days" }).click();
    await page.getByText("is active again").first().waitFor();
    await page.getByText("No expired links").waitFor();
    expect((await call(server.baseUrl, "GET", `/shared/${share.access_token}`, null)).status).toBe(200);
    await context.close();
  });
});
