import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ok } from "./support/api";
import { artifact, newContext, PHONE, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { type RestShare, seedWorld, shareViaApi, type World } from "./support/world";

const chromePath = requireChromium();

describe.skipIf(!chromePath)("My links", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;
  const shares: RestShare[] = [];

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Fabrikam");
    browser = await launchChromium(chromePath as string);
    // 22 reports shared by Alice, plus the schedule: more than one page of 20.
    for (let i = 1; i <= 22; i += 1) {
      const report = await ok<{ id: string }>(
        server.baseUrl,
        "POST",
        `/v1/admin/brands/${world.brand.id}/reports`,
        server.adminToken,
        {
          title: `Market scan #${String(i).padStart(2, "0")}`,
          created_by: world.alice.id,
          status: "completed",
          completed_at: new Date(Date.now() - i * 3_600_000).toISOString(),
          results: [
            {
              prompt: "p",
              engine: "gemini",
              mentioned: i % 2 === 0,
              position: i % 2 === 0 ? 2 : null,
              sentiment: null,
            },
          ],
        },
      );
      shares.push(await shareViaApi(world, world.alice, { type: "report", id: report.id }));
    }
    shares.push(await shareViaApi(world, world.alice, { type: "scheduled", id: world.schedule.id }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lists every link newest first, loads more with the cursor, and bulk-revokes", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    await page.getByRole("link", { name: "My links" }).click();
    const rows = page.getByTestId("my-link-row");
    // The first page takes ~2 s on a busy 2-core machine: more than poll's 1 s default.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(20);
    // Newest first: the schedule share was made last.
    expect(await rows.first().textContent()).toContain(world.schedule.name);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => rows.count()).toBe(23);
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    await page.waitForTimeout(200);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact("my-links-desktop.png") });

    const victims = [shares[0], shares[1]] as RestShare[];
    for (const share of victims) {
      await page.locator(`[data-share-id="${share.id}"]`).getByRole("checkbox").check();
    }
    await page.getByText("2 selected").waitFor();
    await page.getByRole("button", { name: "Revoke selected" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke 2 links" }).click();
    await page.getByText("2 links revoked").first().waitFor();
    await expect.poll(() => rows.count()).toBe(21);
    for (const share of victims) {
      expect(await page.locator(`[data-share-id="${share.id}"]`).count()).toBe(0);
      expect((await call(server.baseUrl, "GET", `/shared/${share.access_token}`, null)).status).toBe(404);
    }
    // Still live.
    expect((await call(server.baseUrl, "GET", `/shared/${shares[2]?.access_token}`, null)).status).toBe(200);

    await page.getByRole("button", { name: "Expired" }).click();
    await page.getByText("No expired links").waitFor();
    await context.close();
  });

  it("reads well on a phone", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    await page.goto(`${server.baseUrl}/links`);
    await page.getByTestId("my-link-row").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact("my-links-phone.png") });
    await context.close();
  });
});
