import type { TestProject } from "vitest/node";
import { requireChromium } from "./chromium";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The server most e2e files share; null when the suite skips itself (no Chromium). */
    e2eServer: { baseUrl: string; adminToken: string } | null;
  }
}

/**
 * One real server for the files that only need a tenant of their own (each
 * seeds a fresh brand), so the suite pays for one boot instead of one per
 * file. A file that must restart its server (the expiry test on embedded
 * PGlite) starts its own.
 */
export default async function setup(project: TestProject) {
  if (!requireChromium()) {
    project.provide("e2eServer", null);
    return;
  }
  const server = await startServer();
  project.provide("e2eServer", { baseUrl: server.baseUrl, adminToken: server.adminToken });
  return async () => {
    await server.stop();
  };
}
