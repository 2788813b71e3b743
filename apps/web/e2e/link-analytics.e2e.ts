import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok } from "./support/api";
import { artifact, newContext, PHONE_390, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { type RestShare, seedWorld, shareViaApi, type World } from "./support/world";

const chromePath = requireChromium();
/** The machine running the suite may be busy: give the dashboard time to load. */
const SOON = { timeout: 10_000 };
const CHROME_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

describe.skipIf(!chromePath)("link analytics in the dashboard", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;
  let aliceReport: RestShare;
  let aliceSchedule: RestShare;

  /** Reads the public link as someone would (a real HTTP GET), with a user agent and a referrer. */
  const open = (share: RestShare, userAgent: string, referer?: string) =>
    fetch(`${server.baseUrl}/v1/shared/${share.access_token}`, {
      headers: { "user-agent": userAgent, ...(referer ? { referer } : {}) },
    }).then((res) => res.status);

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Contoso");
    browser = await launchChromium(chromePath as string);
    aliceReport = await shareViaApi(world, world.alice, { type: "report", id: world.report.id });
    await shareViaApi(world, world.bob, { type: "report", id: world.report.id });
    // Newer than the report's link, never opened: "Last viewed" must put it after.
    aliceSchedule = await shareViaApi(world, world.alice, { type: "scheduled", id: world.schedule.id });
    expect(await open(aliceReport, CHROME_UA, "https://app.slack.com/client/T1")).toBe(200);
    expect(await open(aliceReport, CHROME_UA, "https://app.slack.com/client/T1")).toBe(200);
    expect(await open(aliceReport, `${CHROME_UA} Edg/126.0`)).toBe(200);
    expect(await open(aliceReport, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")).toBe(200);
    // Views are flushed off the request path (every 500 ms): wait for the API to show them.
    const deadline = Date.now() + 10_000;
    let views = 0;
    while (views !== 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      views = (
        await ok<{ views: number }>(
          server.baseUrl,
          "GET",
          `/v1/shares/${aliceReport.id}/analytics`,
          world.alice.apiKey,
        )
      ).views;
    }
    expect(views).toBe(3);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const openDrawer = async (page: Page, label: string) => {
    await page.getByRole("button", { name: label }).click();
    const drawer = page.getByTestId("analytics-drawer");
    await expect.poll(() => drawer.getByTestId("drawer-views").textContent(), SOON).toBe("3");
    await expect
      .poll(() => drawer.getByTestId("timeline").locator("li").count(), SOON)
      .toBeGreaterThanOrEqual(2);
    return drawer;
  };

  it("shows views on each link of the share panel and a detail drawer", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    await page.goto(`${server.baseUrl}/reports/${world.report.id}`);
    const mine = page.getByTestId("my-link").getByTestId("view-stats");
    await expect.poll(() => mine.getByTestId("view-count").textContent(), SOON).toBe("3 views");
    expect(await mine.textContent()).toContain("2 visitors");
    expect(await mine.textContent()).toContain("Last viewed");
    // Bob's link was never opened.
    const bobs = page.getByTestId("team-shares").getByTestId("view-stats");
    expect(await bobs.getByTestId("never-opened").textContent()).toBe("Never opened");
    await page.getByTestId("share-panel").screenshot({ path: artifact("link-analytics-panel-desktop.png") });

    const drawer = await openDrawer(page, "Views of your link: details");
    expect(await drawer.getByTestId("referrers").textContent()).toContain("app.slack.com");
    const types = await drawer
      .getByTestId("timeline")
      .locator("li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-type")));
    expect(types).toEqual(["first_viewed", "created"]);
    expect(await drawer.textContent()).toContain("Bots & previews");
    await page.screenshot({ path: artifact("link-analytics-drawer-desktop.png") });
    await page.keyboard.press("Escape");
    await expect.poll(() => drawer.isVisible(), SOON).toBe(false);
    await context.close();
  });

  it("sorts My links by last viewed, and fits a 390 px phone", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    await page.getByRole("link", { name: "My links" }).click();
    const rows = page.getByTestId("my-link-row");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.first().getAttribute("data-share-id")).toBe(aliceSchedule.id);
    await page.getByRole("button", { name: "Last viewed" }).click();
    await expect.poll(() => rows.first().getAttribute("data-share-id"), SOON).toBe(aliceReport.id);
    await expect.poll(() => rows.nth(1).getByTestId("never-opened").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => rows.first().getByTestId("view-count").textContent(), SOON).toBe("3 views");
    await page.screenshot({ path: artifact("link-analytics-my-links-desktop.png") });
    await context.close();

    const phone = await newContext(browser, PHONE_390);
    const small = await phone.newPage();
    await signIn(small, server.baseUrl, world.alice);
    await small.goto(`${server.baseUrl}/links`);
    await expect.poll(() => small.getByTestId("my-link-row").count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => small.getByTestId("view-count").first().textContent(), SOON).toBe("3 views");
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_390.width,
    );
    await small.screenshot({ path: artifact("link-analytics-my-links-390.png"), fullPage: true });
    const drawer = await openDrawer(small, `Views of the link to ${world.report.title}: details`);
    expect(await drawer.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(
      PHONE_390.width,
    );
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_390.width,
    );
    await small.screenshot({ path: artifact("link-analytics-drawer-390.png") });
    await phone.close();
  });
});
