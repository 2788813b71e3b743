import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Two projects: fast unit tests, and browser end-to-end tests that build on a
 * real server (`next build` must have run; the turbo test task depends on it).
 * `pnpm --filter @sharelinks/web test` runs both.
 */
export default defineConfig({
  // tsconfig keeps `jsx: preserve` for Next.js; tests compile JSX themselves.
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  // The same `@/` alias as tsconfig's paths, for components under test.
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    allowOnly: false,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "server/**/*.test.ts",
            "public-page/**/*.test.ts",
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          globalSetup: ["e2e/support/global-setup.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // Files run one after another against the shared server (see e2e/support/global-setup.ts).
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
