import type { TestProject } from "vitest/node";
import { launchChromiumServer, requireChromium } from "./chromium";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The server most e2e files share; null when the suite skips itself (no Chromium). */
    e2eServer: { baseUrl: string; adminToken: string } | null;
    /** The suite's one Chromium, for launchChromium to connect to; null when the suite skips itself. */
    e2eChromium: string | null;
  }
}

/**
 * One real server for the files that only need a tenant of their own (each
 * seeds a fresh brand), so the suite pays for one boot instead of one per
 * file. A file that must restart its server (the expiry test on embedded
 * PGlite) starts its own. And one Chromium for every file to connect to
 * (chromium.ts's launchChromium), each file with browser contexts of its own.
 */
export default async function setup(project: TestProject) {
  const chromePath = requireChromium();
  if (!chromePath) {
    project.provide("e2eServer", null);
    project.provide("e2eChromium", null);
    return;
  }
  const [server, browser] = await Promise.all([startServer(), launchChromiumServer(chromePath)]);
  project.provide("e2eServer", { baseUrl: server.baseUrl, adminToken: server.adminToken });
  project.provide("e2eChromium", browser.wsEndpoint());
  return async () => {
    await Promise.all([server.stop(), browser.close()]);
  };
}
