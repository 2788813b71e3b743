import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The test databases' run: one migrated image/template, databases dropped together at the end.
    globalSetup: [createRequire(import.meta.url).resolve("@sharelinks/db/testing/global-setup")],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files share a worker's module cache instead of loading PGlite, drizzle and
    // the routers afresh per file. No test relies on module state being fresh
    // (trpc.test.ts unstubs the environment it stubs).
    isolate: false,
    // Vitest's default on 2 cores is one worker; these files mostly wait on the
    // database, so a second one overlaps them (api 74 s -> 64 s on the busy machine).
    maxWorkers: 2,
  },
});
