import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // PGlite boots in 1-3 s and the PostgreSQL suites create databases.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only fight over them.
    maxWorkers: 2,
  },
});
