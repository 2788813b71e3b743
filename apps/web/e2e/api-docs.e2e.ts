import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifact, DESKTOP, newContext, PHONE_390, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { seedWorld, shareViaApi, type World } from "./support/world";

const chromePath = requireChromium();

const operation = (page: Page, id: string) => page.locator(`article[id="${id}"]`);

/** Opens an operation's "Try it", fills its fields and sends; resolves with the answer's text. */
const tryIt = async (page: Page, id: string, fields: Record<string, string> = {}) => {
  const card = operation(page, id);
  await card.getByText("Try it", { exact: true }).click();
  for (const [name, value] of Object.entries(fields))
    await card.getByRole("textbox", { name: new RegExp(`^${name}\\b`) }).fill(value);
  await card.getByRole("button", { name: "Send request" }).click();
  const answer = card.getByTestId("try-it-answer");
  await answer.waitFor();
  return (await answer.textContent()) ?? "";
};

describe.skipIf(!chromePath)("the public API reference at /docs", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Wingtip");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("opens without signing in, with a curl example and an example response for every operation", async () => {
    for (const [viewport, label] of [
      [DESKTOP, "desktop"],
      [PHONE_390, "390"],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const response = await page.goto(`${server.baseUrl}/docs`);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe("/docs");
      const operations = page.getByTestId("api-operation");
      await operations.first().waitFor();
      const count = await operations.count();
      expect(count).toBeGreaterThanOrEqual(15);
      expect(await page.getByTestId("curl-example").count()).toBe(count);
      expect(await page.getByTestId("response-example").count()).toBe(count);

      const create = operation(page, "post-v1-reports-report-id-shares");
      const curl = (await create.getByTestId("curl-example").textContent()) ?? "";
      expect(curl).toContain(`curl -X POST "${server.baseUrl}/v1/reports/$REPORT_ID/shares"`);
      expect(curl).toContain('-H "Authorization: Bearer $SHARELINKS_API_KEY"');
      expect(curl).toContain(`-d '{"expiration_days":30}'`);
      const example = (await create.getByTestId("response-example").textContent()) ?? "";
      expect(example).toContain('"share_url"');
      expect(example).toContain('"expires_at"');

      await page.getByRole("link", { name: "Sign in" }).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.screenshot({ path: artifact(`api-docs-public-${label}.png`) });
      await create.scrollIntoViewIfNeeded();
      await create.screenshot({ path: artifact(`api-docs-operation-${label}.png`) });
      await context.close();
    }
  });

  it("tries a public operation as is, and a keyed one with a pasted key", async () => {
    const share = await shareViaApi(world, world.alice, { type: "report", id: world.report.id });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/docs`);
    await page.getByTestId("api-operation").first().waitFor();

    const publicAnswer = await tryIt(page, "get-v1-shared-token", { token: share.access_token });
    expect(publicAnswer).toContain("200");
    expect(publicAnswer).toContain(world.report.title);

    // Without a key the keyed operation cannot be sent.
    const reports = operation(page, "get-v1-reports");
    await reports.getByText("Try it", { exact: true }).click();
    expect(await reports.getByRole("button", { name: "Send request" }).isDisabled()).toBe(true);
    await page.getByLabel("API key for Try it").fill(world.alice.apiKey);
    await reports.getByRole("button", { name: "Send request" }).click();
    await reports.getByTestId("try-it-answer").filter({ hasText: world.report.title }).waitFor();
    expect(await reports.getByTestId("try-it-answer").textContent()).toContain("200");

    // Admin operations stay in the terminal.
    await operation(page, "post-v1-admin-brands").getByText("run the curl example from a terminal").waitFor();
    await context.close();
  });

  it("signed in, creates a key for the page with the session and uses it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.bob);
    await page.getByRole("link", { name: "API docs" }).click();
    await page.getByTestId("api-operation").first().waitFor();
    await page.getByRole("button", { name: "Create a key for this page" }).click();
    await expect.poll(() => page.getByLabel("API key for Try it").inputValue()).toMatch(/^slk_/);
    const answer = await tryIt(page, "get-v1-reports");
    expect(answer).toContain("200");
    expect(answer).toContain(world.report.title);
    await page.getByRole("link", { name: "API keys" }).first().click();
    await page.getByTestId("api-key-row").filter({ hasText: "API docs (Try it)" }).waitFor();
    await context.close();
  });
});
