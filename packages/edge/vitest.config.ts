import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Test files share a worker's module cache instead of importing it afresh per file.
    // No test relies on module state being fresh.
    isolate: false,
  },
});
