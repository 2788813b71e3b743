import { defineConfig } from "drizzle-kit";

// `pnpm --filter @sharelinks/db generate` diffs src/schema against the last
// snapshot in drizzle/meta and writes the next SQL migration. The SQL files are
// committed: they, not the TypeScript schema, are what runs in production.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
  strict: true,
  verbose: true,
});
