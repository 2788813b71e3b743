import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Names the run, builds the migrated PGlite image and PostgreSQL template once, drops the run's databases at the end.
    globalSetup: ["src/testing/global-setup.ts"],
    // PGlite boots in 1-3 s and the PostgreSQL suites create databases.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only fight over them.
    maxWorkers: 2,
    // Test files share a worker's module cache: PGlite, drizzle and postgres.js are
    // loaded once per worker instead of once per file (package: 323 s -> 117 s wall,
    // 205 s -> 76 s CPU on the busy machine). No test relies on module state being fresh.
    isolate: false,
  },
});
