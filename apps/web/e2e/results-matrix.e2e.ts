import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifact, DESKTOP, newContext, PHONE_390, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { ENGINES, PROMPTS, results, seedWorld, shareViaApi, type World } from "./support/world";

const chromePath = requireChromium();

const LABELS: Record<string, string> = {
  chatgpt: "ChatGPT",
  claude: "Claude",
  gemini: "Gemini",
  perplexity: "Perplexity",
};

/** What each cell must say for the seeded report (world.ts: results(0.6, 1)), prompt by prompt. */
const expectedCells = () => {
  const rows = results(0.6, 1);
  return PROMPTS.map((prompt) =>
    ENGINES.map((engine) => {
      const row = rows.find((r) => r.prompt === prompt && r.engine === engine);
      if (!row?.mentioned) return { text: "Not mentioned", sentiment: null };
      const word = row.sentiment ? row.sentiment.charAt(0).toUpperCase() + row.sentiment.slice(1) : "";
      return { text: `#${row.position}${word}`, sentiment: row.sentiment };
    }),
  );
};

/** Reads the table back: the column headers, then per row its prompt and each cell's text and sentiment class. */
const readMatrix = (page: Page) =>
  page.getByTestId("results-matrix").evaluate((table) => ({
    columns: [...table.querySelectorAll("thead th")].map((th) => th.textContent),
    rows: [...table.querySelectorAll("tbody tr")].map((tr) => ({
      prompt: tr.querySelector("th")?.textContent,
      cells: [...tr.querySelectorAll("td")].map((td) => ({
        text: td.textContent,
        sentiment: /sent-(\w+)/.exec(td.className)?.[1] ?? null,
      })),
    })),
  }));

const expectSeededMatrix = async (page: Page) => {
  const matrix = await readMatrix(page);
  expect(matrix.columns).toEqual(["Prompt", ...ENGINES.map((engine) => LABELS[engine])]);
  expect(matrix.rows.map((row) => row.prompt)).toEqual(PROMPTS);
  expect(matrix.rows.map((row) => row.cells)).toEqual(expectedCells());
};

describe.skipIf(!chromePath)("results as a prompt x engine table", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Proseware");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("on the dashboard: one row per prompt, one column per engine, position or not mentioned, sentiment colour", async () => {
    for (const [viewport, label] of [
      [DESKTOP, "desktop"],
      [PHONE_390, "390"],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      await signIn(page, server.baseUrl, world.alice);
      await page.goto(`${server.baseUrl}/reports/${world.report.id}`);
      await page.getByTestId("results-matrix").waitFor();
      await expectSeededMatrix(page);
      const positive = page.locator('[data-testid="results-matrix"] td.sent-positive').first();
      expect(await positive.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(
        "rgb(236, 253, 243)",
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.getByTestId("results-matrix").scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page
        .locator("section", { has: page.getByTestId("results-matrix") })
        .screenshot({ path: artifact(`results-matrix-dashboard-${label}.png`) });
      await context.close();
    }
  });

  it("on the public page: the same table as static markup", async () => {
    const share = await shareViaApi(world, world.bob, { type: "report", id: world.report.id });
    for (const [viewport, label] of [
      [DESKTOP, "desktop"],
      [PHONE_390, "390"],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      expect((await page.goto(share.share_url))?.status()).toBe(200);
      expect(await page.locator("script").count()).toBe(0);
      await expectSeededMatrix(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.screenshot({ path: artifact(`results-matrix-public-${label}.png`), fullPage: true });
      await context.close();
    }
  });
});
