import type { Services } from "@sharelinks/db";
import type { AppConfig } from "./env";

/**
 * The server entry owns the database (PGlite allows one handle per data
 * directory) and hands it to code Next.js bundles separately through a global
 * keyed by a registered symbol, which survives the bundler's module copies.
 */
export interface AppRuntime {
  config: AppConfig;
  services: Services;
}

const KEY = Symbol.for("sharelinks.runtime");
type WithRuntime = typeof globalThis & { [KEY]?: AppRuntime };

export const setRuntime = (runtime: AppRuntime) => {
  (globalThis as WithRuntime)[KEY] = runtime;
};

export const getRuntime = (): AppRuntime => {
  const runtime = (globalThis as WithRuntime)[KEY];
  if (!runtime) throw new Error("sharelinks runtime not initialised: start the app with server/main.ts");
  return runtime;
};
