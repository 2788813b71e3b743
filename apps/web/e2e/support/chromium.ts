import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { inject } from "vitest";

/**
 * The system Chromium (Debian's `chromium` package), never a downloaded one.
 * CHROMIUM_PATH overrides. Without it: E2E=required fails the run, otherwise
 * the browser suite skips itself with a warning (laptops only; CI sets E2E=required).
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const chromiumPath = (): string | null => {
  const explicit = process.env.CHROMIUM_PATH?.trim();
  if (explicit) return existsSync(explicit) ? explicit : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
};

const warned = { done: false };

/** Resolves the browser or decides the suite's fate: throw (E2E=required) or skip with a warning. */
export const requireChromium = (): string | null => {
  const path = chromiumPath();
  if (path) return path;
  const where = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`
    : CANDIDATES.join(", ");
  const how =
    "Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium/Chrome binary.";
  if (process.env.E2E === "required") {
    throw new Error(`E2E=required but no Chromium was found (${where}). ${how}`);
  }
  if (!warned.done) {
    warned.done = true;
    console.warn(
      `\n[e2e] SKIPPED: no Chromium found (${where}). ${how} Set E2E=required to make this an error.\n`,
    );
  }
  return null;
};

/** Starts the suite's one Chromium (global-setup.ts), for the files to connect to. */
export const launchChromiumServer = (executablePath: string) =>
  chromium.launchServer({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });

/**
 * The browser a file drives: a connection to the suite's one Chromium
 * (global-setup.ts), not a launch of its own: a launch costs a few seconds of
 * CPU, sixteen files over. Each file's contexts are its own (nothing is shared
 * between contexts but the browser process), and `close()` closes the file's
 * contexts and the connection, never the browser. Without the suite's browser
 * (a file run under another setup) the file launches one.
 */
export const launchChromium = (executablePath: string): Promise<Browser> => {
  const wsEndpoint = inject("e2eChromium");
  if (wsEndpoint) return chromium.connect(wsEndpoint, { timeout: 60_000 });
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
};
