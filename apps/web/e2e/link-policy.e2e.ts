import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifact, DESKTOP, newContext, PHONE_390, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { PROMPTS, seedWorld, type World } from "./support/world";

const chromePath = requireChromium();

/** Creates the caller's link from the share panel with the form's defaults and returns its address. */
const createLink = async (page: Page) => {
  const panel = page.getByTestId("share-panel");
  await panel.getByRole("button", { name: "Create link" }).click();
  const url = panel.getByTestId("my-share-url");
  await url.waitFor();
  return url.inputValue();
};

describe.skipIf(!chromePath)("link policy page, link password and pause from the dashboard", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Fabrikam");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("a manager sets a 30-day maximum; a member sees it read-only and a 60-day link gets the sentence", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.manager);
    await page.getByRole("link", { name: "Link policy" }).click();
    await page.waitForURL(/\/settings\/policy$/);
    const form = page.getByTestId("share-policy-form");
    await form.getByLabel("Maximum expiry (days)").fill("30");
    // A default above the maximum: said in a sentence, nothing saved.
    await form.getByLabel("Default expiry (days)").fill("45");
    await form.getByRole("button", { name: "Save policy" }).click();
    await form
      .locator(".field-error")
      .filter({ hasText: "The default can't be longer than the maximum (30 days)." })
      .waitFor();
    await form.getByLabel("Default expiry (days)").fill("");
    await form.getByRole("button", { name: "Save policy" }).click();
    await page.getByText("Link policy saved").first().waitFor();
    expect(await form.locator(".field-error").count()).toBe(0);
    await page.screenshot({ path: artifact("link-policy-manager-desktop.png"), fullPage: true });
    await context.close();

    const memberContext = await newContext(browser, PHONE_390);
    const memberPage = await memberContext.newPage();
    await signIn(memberPage, server.baseUrl, world.alice);
    await memberPage.goto(`${server.baseUrl}/settings/policy`);
    const readOnly = memberPage.getByTestId("share-policy-form");
    await readOnly.getByText("Only managers can change these rules").waitFor();
    expect(await readOnly.getByLabel("Maximum expiry (days)").inputValue()).toBe("30");
    expect(await readOnly.getByLabel("Maximum expiry (days)").isDisabled()).toBe(true);
    expect(await readOnly.getByRole("button", { name: "Save policy" }).count()).toBe(0);
    await memberPage.screenshot({ path: artifact("link-policy-member-390.png"), fullPage: true });

    await memberPage.goto(`${server.baseUrl}/reports/${world.report.id}`);
    const panel = memberPage.getByTestId("share-panel");
    await panel.getByText("Between 1 and 30 days (your brand's maximum).").waitFor();
    await panel.getByLabel("Expires after (days)").fill("60");
    await panel.getByRole("button", { name: "Create link" }).click();
    await panel
      .locator(".field-error")
      .filter({ hasText: "Your brand allows links of at most 30 days. Choose 30 or fewer." })
      .waitFor();
    expect(await panel.getByTestId("my-share-url").count()).toBe(0);
    expect((await panel.textContent()) ?? "").not.toContain("exceeds_brand_max_expiry");
    await memberContext.close();
  });

  it("a link password: the public page asks for it, refuses a wrong one, and shows the report for the right one", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.bob);
    await page.goto(`${server.baseUrl}/reports/${world.report.id}`);
    const url = await createLink(page);
    const panel = page.getByTestId("share-panel");
    await panel.getByRole("button", { name: /Password: off/ }).click();
    const passwordForm = panel.getByRole("form", { name: "Link password" });
    await passwordForm.getByLabel("Password").fill("short");
    await passwordForm.getByRole("button", { name: "Set password" }).click();
    await passwordForm.locator(".field-error").filter({ hasText: "Use at least 8 characters." }).waitFor();
    await passwordForm.getByLabel("Password").fill("open sesame 42");
    await passwordForm.getByRole("button", { name: "Set password" }).click();
    await panel.getByRole("button", { name: /Password: on/ }).waitFor();

    const reader = await newContext(browser);
    const publicPage = await reader.newPage();
    await publicPage.goto(url);
    await publicPage.getByText("This link is protected. Enter the password you were given.").waitFor();
    // No report data before the unlock.
    const locked = (await publicPage.textContent("body")) ?? "";
    for (const prompt of PROMPTS) expect(locked).not.toContain(prompt);
    await publicPage.getByLabel("Password").fill("open sesame 43");
    await publicPage.getByRole("button", { name: "Unlock" }).click();
    await publicPage.getByText("That password is not right. Try again.").waitFor();
    await publicPage.getByLabel("Password").fill("open sesame 42");
    await publicPage.getByRole("button", { name: "Unlock" }).click();
    await publicPage.getByRole("heading", { level: 1, name: world.report.title }).waitFor();
    await publicPage.getByRole("columnheader", { name: "Prompt" }).waitFor();
    // The unlock is remembered for this link: a reload shows the report again.
    expect((await publicPage.reload())?.status()).toBe(200);
    await publicPage.getByRole("columnheader", { name: "Prompt" }).waitFor();
    await publicPage.screenshot({ path: artifact("link-password-unlocked-desktop.png"), fullPage: true });
    await reader.close();
    await context.close();
  });

  it("pause from the dashboard: the public page answers 404; resume: 200 again at the same address", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.carol);
    await page.goto(`${server.baseUrl}/schedules/${world.schedule.id}`);
    const url = await createLink(page);
    const panel = page.getByTestId("share-panel");

    const reader = await newContext(browser);
    const publicPage = await reader.newPage();
    expect((await publicPage.goto(url))?.status()).toBe(200);

    await panel.getByRole("button", { name: "Pause link" }).click();
    await panel.getByTestId("paused-note").waitFor();
    await panel.getByText("Paused", { exact: true }).waitFor();
    expect((await publicPage.goto(url))?.status()).toBe(404);
    expect(await panel.getByTestId("my-share-url").inputValue()).toBe(url);

    await panel.getByRole("button", { name: "Resume link" }).click();
    await panel.getByRole("button", { name: "Pause link" }).waitFor();
    expect(await panel.getByTestId("paused-note").count()).toBe(0);
    expect((await publicPage.goto(url))?.status()).toBe(200);
    await publicPage.getByRole("heading", { level: 1, name: world.schedule.name }).waitFor();
    await reader.close();
    await context.close();
  });
});
