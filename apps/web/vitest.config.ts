import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The test databases' run: one migrated image/template, databases dropped together at the end. */
const databases = createRequire(import.meta.url).resolve("@sharelinks/db/testing/global-setup");

/**
 * Two projects: unit tests, and end-to-end tests of the production build
 * (browser tests against the real server, and the assembled bundle run as an
 * operator would: `pnpm --filter @sharelinks/web build` must have run). They
 * are two turbo tasks, so the unit tests need not wait for the build:
 * `test:unit` (`vitest run --project unit`) and `test:e2e` (`vitest run
 * --project e2e`, after `build`); web's `test` in turbo.json is the two
 * together, so `turbo run test` runs both. A plain `vitest run` here runs both
 * projects.
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
          // scripts/*.test.ts: the assembled bundle (`build`'s last step), started from a copy.
          include: ["e2e/**/*.e2e.ts", "scripts/**/*.test.ts"],
          globalSetup: [databases, "e2e/support/global-setup.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // Two files at a time: each seeds a brand of its own on the shared server
          // (e2e/support/global-setup.ts) or starts a server of its own, with its own
          // database, and nothing a file checks is global to the server.
          fileParallelism: true,
          maxWorkers: 2,
          // A page under a second file's load can take longer than expect.poll's 1 s
          // default to show what it will show: the browser context's own 15 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
