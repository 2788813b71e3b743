import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Test files share a worker's module cache, so the migrated PGlite image
    // (`@sharelinks/db/testing`, ~10 s to build) is made once per worker, not once per file.
    // No test relies on module state being fresh.
    isolate: false,
  },
});
