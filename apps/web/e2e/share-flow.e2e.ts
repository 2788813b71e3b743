import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./support/api";
import {
  artifact,
  DESKTOP,
  newContext,
  PHONE,
  signIn,
  WITHOUT_TOASTS,
  watchThirdParty,
} from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { LOGO_URL, seedWorld, type World } from "./support/world";

const chromePath = requireChromium();

const utcDate = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);

const urlInput = (page: Page) => page.getByTestId("my-share-url");

describe.skipIf(!chromePath)("sharing a schedule from the dashboard", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken);
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the API's message for a wrong password", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/reports`);
    await page.waitForURL(/\/sign-in/); // no session: the dashboard sends you to sign in
    await page.getByLabel("Email").fill(world.alice.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Email or password is incorrect" }).waitFor();
    await context.close();
  });

  it("creates a branded link, opens it elsewhere, extends, rotates and revokes it", async () => {
    const context = await newContext(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);

    await page.getByRole("link", { name: "Schedules" }).first().click();
    await page.getByRole("link", { name: world.schedule.name }).click();
    await page.getByRole("heading", { level: 1, name: world.schedule.name }).waitFor();
    // Runs with their status, failed and running ones included.
    const runs = page.getByTestId("runs-table");
    for (const status of ["Completed", "Failed", "Running"])
      await runs.locator(".badge", { hasText: status }).first().waitFor();

    const panel = page.getByTestId("share-panel");
    await panel.getByTestId("cap-meter").filter({ hasText: "0 of 50 links in use" }).waitFor();

    // The API's validation issues land on the fields, as sentences that say what to do.
    await panel.getByLabel("Expires after (days)").fill("400");
    await panel.getByRole("button", { name: "Customize branding" }).click();
    await panel.getByLabel("Logo URL").fill("http://insecure.example/logo.png");
    await panel.getByRole("button", { name: "Create link" }).click();
    await panel.locator(".field-error").filter({ hasText: "Use an https:// image address." }).waitFor();
    await panel.locator(".field-error").filter({ hasText: "Choose between 1 and 365 days." }).waitFor();
    // Both issues of the one request are shown, each on its field.
    expect(await panel.locator(".field-invalid .field-error").count()).toBe(2);

    // A valid create with per-share white label.
    await panel.getByRole("button", { name: "30 days" }).click();
    await panel.getByLabel("Company name").fill("Northwind Partners");
    await panel.getByLabel("Logo URL").fill(LOGO_URL);
    await panel.getByPlaceholder("#RRGGBB").fill("#B45309");
    await panel.getByRole("button", { name: "Create link" }).click();
    await urlInput(page).waitFor();
    const firstUrl = await urlInput(page).inputValue();
    expect(firstUrl).toMatch(new RegExp(`^${server.baseUrl}/shared/[A-Za-z0-9_-]{43}$`));
    await panel.getByTestId("cap-meter").filter({ hasText: "1 of 50 links in use" }).waitFor();

    await panel.getByRole("button", { name: "Copy link" }).click();
    await page.getByText("Link copied to clipboard").first().waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstUrl);

    // The toasts ("Link copied") are left out of the pictures rather than waited out.
    await panel.screenshot({ path: artifact("dashboard-share-panel-desktop.png"), style: WITHOUT_TOASTS });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: artifact("dashboard-schedule-desktop.png"),
      fullPage: true,
      style: WITHOUT_TOASTS,
    });

    // The recipient: a fresh browser context with no session.
    const recipient = await newContext(browser, DESKTOP);
    const publicPage = await recipient.newPage();
    const thirdParty = watchThirdParty(publicPage, server.baseUrl);
    const response = await publicPage.goto(firstUrl);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-robots-tag"]).toContain("noindex");
    expect(await publicPage.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    expect(await publicPage.locator("script").count()).toBe(0);

    await publicPage.getByRole("heading", { level: 1, name: world.schedule.name }).waitFor();
    await publicPage.locator(".company").filter({ hasText: "Northwind Partners" }).waitFor();
    const logo = publicPage.locator("img.logo");
    expect(await logo.getAttribute("src")).toBe(LOGO_URL);
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    // Both charts, drawn in the share's colour.
    await publicPage.locator('[data-chart="engines"]').waitFor({ state: "visible" });
    await publicPage.locator('[data-chart="trend"] svg.trend-wide').waitFor({ state: "visible" });
    expect(await publicPage.locator('[data-chart="engines"] .bar-fill').count()).toBe(4);
    expect(
      await publicPage
        .locator(".bar-fill")
        .first()
        .evaluate((el) => getComputedStyle(el).fill),
    ).toBe("rgb(180, 83, 9)");
    await publicPage.getByText("Powered by").waitFor();
    await publicPage.getByRole("columnheader", { name: "Prompt" }).waitFor();
    await publicPage.screenshot({ path: artifact("public-page-desktop.png"), fullPage: true });
    expect(thirdParty).toEqual([]);

    const phone = await newContext(browser, PHONE);
    const phonePage = await phone.newPage();
    expect((await phonePage.goto(firstUrl))?.status()).toBe(200);
    await phonePage.locator('[data-chart="trend"] svg.trend-compact').waitFor({ state: "visible" });
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await phonePage.screenshot({ path: artifact("public-page-phone.png"), fullPage: true });
    await phone.close();

    // Extend: anchored to now.
    await panel.getByLabel("Extend to this many days from now").fill("90");
    await panel.getByRole("button", { name: "Extend", exact: true }).click();
    await page.getByText("Link now expires").first().waitFor();
    const in90 = [
      utcDate(new Date(Date.now() + 90 * 86_400_000)),
      utcDate(new Date(Date.now() + 90 * 86_400_000 - 120_000)),
    ];
    await publicPage.reload();
    const footer = (await publicPage.locator("footer").textContent()) ?? "";
    expect(in90.some((date) => footer.includes(date))).toBe(true);

    // Rotate: the old address dies at once.
    await panel.getByRole("button", { name: "Rotate link" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("stops working immediately").waitFor();
    await dialog.getByRole("button", { name: "Rotate link" }).click();
    await expect.poll(() => urlInput(page).inputValue()).not.toBe(firstUrl);
    const rotatedUrl = await urlInput(page).inputValue();
    const old = await publicPage.goto(firstUrl);
    expect(old?.status()).toBe(404);
    await publicPage.getByRole("heading", { name: "Link not found" }).waitFor();
    expect((await publicPage.goto(rotatedUrl))?.status()).toBe(200);
    await publicPage.locator(".company").filter({ hasText: "Northwind Partners" }).waitFor(); // branding kept

    // Revoke mine: the panel offers a fresh create form, the link is gone.
    await panel.getByRole("button", { name: "Revoke my link" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
    await panel.getByRole("heading", { name: "Create your link" }).waitFor();
    await panel.getByTestId("cap-meter").filter({ hasText: "0 of 50 links in use" }).waitFor();
    expect((await publicPage.goto(rotatedUrl))?.status()).toBe(404);
    const api = await call(server.baseUrl, "GET", `/v1/shared/${rotatedUrl.split("/").at(-1)}`, null);
    expect(api.status).toBe(404);

    await recipient.close();
    await context.close();
  });

  it("fits a phone: the dashboard share panel at 375 px", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.bob);
    await page.goto(`${server.baseUrl}/schedules/${world.schedule.id}`);
    const panel = page.getByTestId("share-panel");
    await panel.getByRole("button", { name: "Create link" }).click();
    await page.getByTestId("my-share-url").waitFor();
    // Checked with the "Share link created" toast still up: it must not widen the page either.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await panel.screenshot({ path: artifact("dashboard-share-panel-phone.png"), style: WITHOUT_TOASTS });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: artifact("dashboard-schedule-phone.png"),
      fullPage: true,
      style: WITHOUT_TOASTS,
    });

    // The navigation is a menu on a phone, still keyboard-reachable.
    await page.getByRole("button", { name: "Open menu" }).click();
    await page.getByRole("link", { name: "My links" }).click();
    await page.waitForURL(/\/links$/);
    await context.close();
  });
});
