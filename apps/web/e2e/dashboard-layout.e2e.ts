import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifact, DESKTOP, newContext, PHONE_390, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { seedWorld, type World } from "./support/world";

const chromePath = requireChromium();

/** Pixels between the bottom of the header (the sidebar on a phone) and the top of the page's first content. */
const gapUnderHeader = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector(".sidebar")?.getBoundingClientRect();
    const first = document.querySelector("main h1")?.getBoundingClientRect();
    if (!header || !first) throw new Error("no header or no h1");
    return first.top - header.bottom;
  });

const PAGES = [
  { path: "/reports", name: "reports", heading: "Reports" },
  { path: "/schedules", name: "schedules", heading: "Schedules" },
  { path: "/links", name: "my-links", heading: "My links" },
  { path: "/api-keys", name: "api-keys", heading: "API keys" },
];

describe.skipIf(!chromePath)("the dashboard's layout on a phone and on a desktop", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Adatum");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("starts every page's content right under the header at 390 px, and nothing overflows", async () => {
    const context = await newContext(browser, PHONE_390);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    for (const target of PAGES) {
      await page.goto(`${server.baseUrl}${target.path}`);
      await page.getByRole("heading", { level: 1, name: target.heading }).waitFor();
      const gap = await gapUnderHeader(page);
      expect(gap, `${target.path}: ${gap}px between the header and the first content`).toBeGreaterThanOrEqual(
        0,
      );
      expect(gap, `${target.path}: ${gap}px between the header and the first content`).toBeLessThanOrEqual(
        80,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE_390.width,
      );
      await page.screenshot({ path: artifact(`layout-${target.name}-390.png`) });
    }
    await context.close();
  });

  it("opens the phone menu right under the header and closes it with Escape", async () => {
    const context = await newContext(browser, PHONE_390);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    const toggle = page.getByRole("button", { name: "Open menu" });
    await toggle.click();
    const nav = page.getByRole("navigation", { name: "Primary" });
    const firstLink = nav.getByRole("link", { name: "Reports" });
    await firstLink.waitFor();
    const gap = await page.evaluate(() => {
      const header = document.querySelector(".sidebar-top")?.getBoundingClientRect();
      const first = document.querySelector("#primary-nav > *")?.getBoundingClientRect();
      if (!header || !first) throw new Error("menu not drawn");
      return first.top - header.bottom;
    });
    expect(gap).toBeLessThanOrEqual(80);
    await page.screenshot({ path: artifact("layout-menu-open-390.png") });

    await page.keyboard.press("Escape");
    await nav.getByRole("link", { name: "Reports" }).waitFor({ state: "hidden" });
    expect(await page.getByRole("button", { name: "Open menu" }).getAttribute("aria-expanded")).toBe("false");
    // Focus returns to the toggle, so a keyboard user is where they started.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe(
      "primary-nav",
    );
    await context.close();
  });

  it("shows API keys as cards on a phone with Revoke in full view, and as a table on a desktop", async () => {
    for (const [viewport, label] of [
      [PHONE_390, "390"],
      [DESKTOP, "desktop"],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await signIn(page, server.baseUrl, world.bob);
      await page.goto(`${server.baseUrl}/api-keys`);
      const revoke = page
        .getByTestId("api-key-row")
        .first()
        .getByRole("button", { name: /^Revoke key/ });
      await revoke.waitFor();
      const box = await revoke.boundingBox();
      const panel = await page.locator("section", { has: page.getByTestId("api-keys-table") }).boundingBox();
      if (!box || !panel) throw new Error("not drawn");
      // Entirely inside its panel: not clipped by the panel's rounded, overflow-hidden frame.
      expect(box.x).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
      expect(box.width).toBeGreaterThan(40);
      const display = await page
        .getByTestId("api-key-row")
        .first()
        .evaluate((row) => getComputedStyle(row).display);
      expect(display).toBe(label === "390" ? "grid" : "table-row");
      await page.screenshot({ path: artifact(`api-keys-${label}.png`), fullPage: true });
      await context.close();
    }
  });

  it("keeps the attempted page and says why after the session ended", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.carol);
    await page.goto(`${server.baseUrl}/schedules/${world.schedule.id}`);
    await page.getByRole("heading", { level: 1, name: world.schedule.name }).waitFor();
    // The page has finished loading: no request of its own (a query that starts once another
    // has answered, slow on a busy machine) goes out with the forgotten session and sends the
    // page to sign-in before the click below.
    await page.waitForLoadState("networkidle");
    // The server forgets the session (as when it expires); the browser still sends the cookie.
    const cookies = await context.cookies();
    await context.clearCookies();
    await context.addCookies(
      cookies.map((cookie) => (cookie.name === "sl_session" ? { ...cookie, value: "x".repeat(43) } : cookie)),
    );
    await page.getByRole("link", { name: "My links" }).click();
    // Polled, not waitForURL: the client's navigation to /links is cut short by
    // the redirect to sign-in, and waitForURL rejects on that aborted navigation.
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/sign-in\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("next")).toBe("/links");
    expect(url.searchParams.get("reason")).toBe("expired");
    await page.getByRole("status").filter({ hasText: "Your session expired" }).waitFor();
    await page.screenshot({ path: artifact("sign-in-expired-desktop.png") });

    await page.getByLabel("Email").fill(world.carol.email);
    await page.getByLabel("Password").fill(world.carol.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/links$/);
    await context.close();
  });
});
