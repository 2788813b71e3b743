import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The test databases' run: one migrated image/template, databases dropped together at the end.
    globalSetup: [createRequire(import.meta.url).resolve("@sharelinks/db/testing/global-setup")],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Test files share a worker's module cache, so the migrated PGlite image
    // (`@sharelinks/db/testing`, ~10 s to build) is made once per worker, not once per file.
    // No test relies on module state being fresh.
    isolate: false,
    // Vitest's default on 2 cores is one worker; these files mostly wait on the
    // database, so a second one overlaps them (api 74 s -> 64 s on the busy machine).
    maxWorkers: 2,
  },
});
