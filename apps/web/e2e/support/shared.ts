import { inject } from "vitest";

/** The suite-wide server started by global-setup.ts. */
export const sharedServer = (): { baseUrl: string; adminToken: string } => {
  const server = inject("e2eServer");
  if (!server) throw new Error("the shared e2e server was not started (is Chromium missing?)");
  return server;
};
