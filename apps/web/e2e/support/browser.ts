import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { LOGO_URL, type Person } from "./world";

export const ARTIFACTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../test-artifacts",
);

export const artifact = (name: string) => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
};

/**
 * For a screenshot taken right after an action that confirms with a toast
 * (components/toast.tsx: gone after 4 s): the picture shows the page as it
 * is once the toast has gone, without the test waiting the 4 s out.
 */
export const WITHOUT_TOASTS = ".toasts { visibility: hidden !important; }";

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
/** The phone width the dashboard's layout checks use (iPhone 12-15). */
export const PHONE_390 = { width: 390, height: 844 };

/** The brand's logo host does not exist: serve a small SVG for it so nothing leaves the machine. */
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="156" height="36" viewBox="0 0 156 36"><rect width="36" height="36" rx="9" fill="#0F766E"/><path d="M10 25 18 11l8 14" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/><text x="44" y="24" font-family="Arial, sans-serif" font-size="16" font-weight="700" fill="#0F766E">NORTHWIND</text></svg>`;

export const newContext = async (browser: Browser, viewport = DESKTOP): Promise<BrowserContext> => {
  const context = await browser.newContext({
    viewport,
    baseURL: undefined,
    locale: "en-GB",
    timezoneId: "UTC",
    // The spinner and the skeletons' shimmer stand still (they honour
    // prefers-reduced-motion): software rendering would repaint them every
    // frame for as long as a page is open, CPU the other files need.
    reducedMotion: "reduce",
    // Headless Chromium calls itself "HeadlessChrome", which isbot counts as
    // automation: the public page would answer with the link preview (title and
    // brand only) that bots get. These tests play a person's browser.
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`,
  });
  await context.route(`${new URL(LOGO_URL).origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "image/svg+xml", body: LOGO_SVG }),
  );
  // Any other third-party request is a bug in the page: fail it loudly.
  context.setDefaultTimeout(15_000);
  return context;
};

/** Signs in through the form and waits for the dashboard. */
export const signIn = async (page: Page, baseUrl: string, who: Person) => {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/reports$/);
  await expect.poll(() => page.getByTestId("signed-in-user").first().textContent()).toContain(who.name);
};

/** Requests that went anywhere but the app's own origin (and the stubbed logo). */
export const watchThirdParty = (page: Page, baseUrl: string) => {
  const origin = new URL(baseUrl).origin;
  const logoOrigin = new URL(LOGO_URL).origin;
  const offenders: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("about:")) return;
    const requestOrigin = new URL(url).origin;
    if (requestOrigin !== origin && requestOrigin !== logoOrigin) offenders.push(url);
  });
  return offenders;
};
