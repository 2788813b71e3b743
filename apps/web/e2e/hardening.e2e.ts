import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newContext, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { seedWorld, type World } from "./support/world";

const chromePath = requireChromium();

/** Everything Chromium reports about the Content-Security-Policy on a page. */
const watchCsp = (page: Page) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(text))
      violations.push(text);
  });
  return violations;
};

describe.skipIf(!chromePath)("the dashboard's defences, in Chromium", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Hardening");
    browser = await launchChromium(chromePath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("serves every page with a nonce CSP and no-framing headers, and the pages run under it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = watchCsp(page);
    const documents: { url: string; headers: Record<string, string> }[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "document")
        documents.push({ url: response.url(), headers: response.headers() });
    });

    await signIn(page, server.baseUrl, world.alice);
    for (const path of [
      "/reports",
      `/reports/${world.report.id}`,
      `/schedules/${world.schedule.id}`,
      "/links",
      "/api-keys",
      "/docs",
    ]) {
      await page.goto(`${server.baseUrl}${path}`);
      // Client-side code ran (React hydrated and fetched through tRPC): the signed-in user is shown.
      await expect
        .poll(() => page.getByTestId("signed-in-user").first().textContent())
        .toContain(world.alice.name);
    }
    await page.getByRole("link", { name: "Reports" }).first().click(); // client-side navigation too
    await page.waitForURL(/\/reports$/);

    expect(documents.length).toBeGreaterThanOrEqual(7);
    const nonces = new Set<string>();
    for (const { url, headers } of documents) {
      const csp = headers["content-security-policy"] ?? "";
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? "");
      expect(headers["x-frame-options"], url).toBe("DENY");
      expect(headers["x-content-type-options"], url).toBe("nosniff");
      expect(headers["referrer-policy"], url).toBe("same-origin");
    }
    expect(nonces.size).toBe(documents.length); // a fresh nonce per page
    expect(violations).toEqual([]);
    await context.close();
  });

  it("cannot be framed by another site", async () => {
    const context = await newContext(browser);
    // A page on another origin that frames the sign-in page and the dashboard.
    await context.route("https://attacker.e2e.test/**", (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html",
        body: `<iframe id="a" src="${server.baseUrl}/sign-in"></iframe><iframe id="b" src="${server.baseUrl}/reports"></iframe>`,
      }),
    );
    const page = await context.newPage();
    await page.goto("https://attacker.e2e.test/");
    const frames = () => page.frames().filter((frame) => frame !== page.mainFrame());
    await expect.poll(() => frames().length).toBe(2);
    // Chromium refuses both (frame-ancestors 'none', X-Frame-Options: DENY): an error page, never the app.
    await expect
      .poll(() => frames().map((frame) => frame.url()))
      .toEqual(["chrome-error://chromewebdata/", "chrome-error://chromewebdata/"]);
    for (const frame of frames()) expect(await frame.locator("form input").count()).toBe(0);
    await context.close();
  });

  it.each(["/\\evil.test/", "/%09/evil.test/", "/%5Cevil.test", "//evil.test", "https://evil.test/"])(
    "after sign-in, next=%s stays on this site",
    async (next) => {
      const context = await newContext(browser);
      await context.route(
        (url) => url.hostname === "evil.test",
        (route) => route.fulfill({ status: 200, body: "evil" }),
      );
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/sign-in?next=${next}`);
      await page.getByLabel("Email").fill(world.bob.email);
      await page.getByLabel("Password").fill(world.bob.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect
        .poll(() => page.getByTestId("signed-in-user").first().textContent())
        .toContain(world.bob.name);
      expect(new URL(page.url()).origin).toBe(new URL(server.baseUrl).origin);
      await context.close();
    },
  );

  it("signs in although the browser holds a mangled session cookie", async () => {
    const context = await newContext(browser);
    await context.addCookies([{ name: "sl_session", value: "%zz", url: server.baseUrl }]);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.carol);
    await context.close();
  });
});
