import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./support/api";
import { artifact, newContext, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { seedWorld, type World } from "./support/world";

const chromePath = requireChromium();

describe.skipIf(!chromePath)("API keys and the API reference", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Litware");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("creates a key shown once, uses it on the REST API, revokes it, and it is refused", async () => {
    const context = await newContext(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.carol);
    await page.getByRole("link", { name: "API keys" }).click();

    await page.getByLabel("Key name").fill("Zapier");
    await page.getByRole("button", { name: "Create key" }).click();
    const reveal = page.getByTestId("new-api-key");
    await reveal.getByText("shown only once").waitFor();
    const key = await reveal.getByRole("textbox", { name: "New API key" }).inputValue();
    expect(key.length).toBeGreaterThan(20);
    await reveal.getByRole("button", { name: "Copy key" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await page.screenshot({ path: artifact("api-keys-desktop.png") });

    const listed = await call<{ object: string; data: Array<{ title: string }> }>(
      server.baseUrl,
      "GET",
      "/v1/reports",
      key,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((r) => r.title)).toContain(world.report.title);

    await reveal.getByRole("button", { name: "Done, I've stored it" }).click();
    const row = page.getByTestId("api-key-row").filter({ hasText: "Zapier" });
    await row.getByText(key.slice(0, 8)).waitFor();
    await row.getByText("just now").waitFor(); // last used, by the call above
    await row.getByRole("button", { name: "Revoke key Zapier" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await row.getByText("Revoked").waitFor();

    const refused = await call<{ error: { code: string } }>(server.baseUrl, "GET", "/v1/reports", key);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("unauthorized");
    await context.close();
  });

  it("takes a key revoked from the table off the shown-once panel", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.bob);
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByLabel("Key name").fill("Short-lived");
    await page.getByRole("button", { name: "Create key" }).click();
    const reveal = page.getByTestId("new-api-key");
    await reveal.getByText("shown only once").waitFor();
    const row = page.getByTestId("api-key-row").filter({ hasText: "Short-lived" });
    await row.getByRole("button", { name: "Revoke key Short-lived" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Keep key" }).waitFor();
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await row.getByText("Revoked").waitFor();
    await reveal.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Create key" }).waitFor();
    await context.close();
  });

  it("renders the REST reference from /v1/openapi.json and signs out", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    await page.getByRole("link", { name: "API docs" }).click();
    const operations = page.getByTestId("api-operation");
    await operations.first().waitFor();
    expect(await operations.count()).toBeGreaterThanOrEqual(15);
    const cancel = operations.filter({ hasText: "/v1/shares/cancel" });
    await cancel.getByText("POST", { exact: true }).waitFor();
    await cancel.getByText("share_ids").first().waitFor();
    await page.getByLabel("Filter endpoints").fill("scheduled-reports");
    await expect.poll(() => operations.filter({ hasText: "/v1/shares/cancel" }).count()).toBe(0);
    await page.screenshot({ path: artifact("api-docs-desktop.png") });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${server.baseUrl}/links`);
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });
});
