import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifact, DESKTOP, newContext, PHONE_390, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { seedWorld, type World } from "./support/world";

const chromePath = requireChromium();

const fieldError = (page: Page, text: string) =>
  page.getByTestId("share-panel").locator(".field-error").filter({ hasText: text });

describe.skipIf(!chromePath)("the share panel's forms, and unknown ids", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Lucerne");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("says what to fix in plain sentences, with the server's limits on the inputs", async () => {
    for (const [viewport, label] of [
      [DESKTOP, "desktop"],
      [PHONE_390, "390"],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await signIn(page, server.baseUrl, world.carol);
      await page.goto(`${server.baseUrl}/reports/${world.report.id}`);
      const panel = page.getByTestId("share-panel");
      await panel.getByLabel("Expires after (days)").fill("0");
      await panel.getByRole("button", { name: "Customize branding" }).click();
      expect(await panel.getByLabel("Company name").getAttribute("maxlength")).toBe("120");
      await panel.getByLabel("Logo URL").fill("http://insecure.example/logo.png");
      await panel.getByPlaceholder("#RRGGBB").fill("teal");
      await panel.getByRole("button", { name: "Create link" }).click();
      await fieldError(page, "Choose between 1 and 365 days.").waitFor();
      await fieldError(page, "Use an https:// image address.").waitFor();
      await fieldError(page, "Use a colour such as #0E7490: a # and six hex digits.").waitFor();
      // No developer wording reaches the page.
      const text = (await panel.textContent()) ?? "";
      expect(text).not.toMatch(/Too small|Invalid input|must be an https URL|#RRGGBB/);

      await panel.getByLabel("Expires after (days)").fill("");
      await panel.getByRole("button", { name: "Create link" }).click();
      await fieldError(page, "Choose between 1 and 365 days.").waitFor();
      await panel.screenshot({ path: artifact(`share-panel-errors-${label}.png`) });
      await context.close();
    }
  });

  it("disables Create link while its request runs: a double click creates one link", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.bob);
    await page.goto(`${server.baseUrl}/reports/${world.report.id}`);
    const panel = page.getByTestId("share-panel");
    const create = panel.getByRole("button", { name: "Create link" });
    await create.waitFor();

    let creates = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/api\/trpc\/[^?]*shares\.createShare/, async (route) => {
      creates += 1;
      await held; // hold the request so the running state can be seen
      await route.continue();
    });
    await create.dblclick();
    await expect.poll(() => creates).toBe(1);
    expect(await create.isDisabled()).toBe(true);
    expect(await create.getAttribute("aria-busy")).toBe("true");
    await create.click({ force: true }).catch(() => {}); // a third click on the disabled button
    release();
    await page.getByTestId("my-share-url").waitFor();
    await panel.getByTestId("cap-meter").filter({ hasText: "1 of 50 links in use" }).waitFor();
    expect(creates).toBe(1);

    // Copy says "Copied" on the button itself.
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
    const copy = panel.getByRole("button", { name: "Copy link" });
    await copy.click();
    await panel.locator(".copy-button[data-copied] .copy-done").filter({ hasText: "Copied" }).waitFor();
    await context.close();
  });

  it("shows the colour that will apply: the one typed, else the brand's (never a colour of ours)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.manager);
    await page.goto(`${server.baseUrl}/schedules/${world.schedule.id}`);
    const panel = page.getByTestId("share-panel");
    await panel.getByRole("button", { name: "Customize branding" }).click();
    const swatch = panel.getByTestId("colour-swatch");
    // The brand's own colour (seedWorld's white label), read through brand.getBrand.
    expect(await swatch.getAttribute("data-colour")).toBe("#0F766E");
    await panel.getByPlaceholder("#RRGGBB").fill("#B45309");
    expect(await swatch.getAttribute("data-colour")).toBe("#B45309");
    expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(180, 83, 9)");
    await context.close();
  });

  it("answers an unknown report or schedule with a real 404 page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    for (const [path, heading] of [
      [`/reports/${randomUUID()}`, "Report not found"],
      [`/schedules/${randomUUID()}`, "Schedule not found"],
      ["/reports/not-an-id", "Report not found"],
    ] as const) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      await page.getByRole("heading", { name: heading }).waitFor();
    }
    await page.screenshot({ path: artifact("report-not-found-desktop.png") });
    expect((await page.goto(`${server.baseUrl}/reports/${world.report.id}`))?.status()).toBe(200);
    await context.close();
  });
});
