import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The test databases' run: one migrated image/template, databases dropped together at the end. */
const databases = createRequire(import.meta.url).resolve("@sharelinks/db/testing/global-setup");

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
          globalSetup: [databases],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          environment: "node",
          // Files share a worker's module cache (PGlite, drizzle, the server's modules are
          // loaded once per worker, not per file); no test relies on fresh module state.
          isolate: false,
          // Two workers, not vitest's one-on-two-cores default: most files wait on a database or a child process.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          globalSetup: [databases, "e2e/support/global-setup.ts"],
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
