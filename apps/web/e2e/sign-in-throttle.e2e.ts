import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifact, newContext, PHONE_390 } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { type RunningServer, startServer } from "./support/server";
import { seedWorld, type World } from "./support/world";

const chromePath = requireChromium();

/**
 * Its own server: sign-in attempts are counted per client IP, and every test
 * browser is 127.0.0.1, so throttling the shared server would throttle the
 * other files' sign-ins too.
 */
describe.skipIf(!chromePath)("sign-in throttling", () => {
  let server: RunningServer;
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Fourth Coffee");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("says how long to wait once too many wrong passwords were tried", async () => {
    const context = await newContext(browser, PHONE_390);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(world.alice.email);
    await page.getByLabel("Password").fill("not the password");
    const alert = page.locator(".alert-error");
    let said = "";
    for (let attempt = 0; attempt < 30 && !/Too many/.test(said); attempt += 1) {
      await page.getByRole("button", { name: "Sign in" }).click();
      await alert.waitFor();
      await expect
        .poll(async () => await page.getByRole("button", { name: "Sign in" }).isEnabled())
        .toBe(true);
      said = (await alert.textContent()) ?? "";
    }
    expect(said).toMatch(/Too many attempts\. Try again in \d+ (seconds?|minutes?)\./);
    await page.screenshot({ path: artifact("sign-in-throttled-390.png") });
    await context.close();
  });
});
