import { randomBytes } from "node:crypto";
import { dropRunDatabases, migratedTemplate, TEST_RUN_ENV } from "./server-databases";
import { migratedPgliteImage } from "./test-database";

/**
 * Vitest global setup for every package whose tests use a database: names the
 * run (its PostgreSQL databases carry the id, and are dropped together at the
 * end instead of one by one), and builds the migrated PGlite image and
 * PostgreSQL template once, before the workers start, instead of in several
 * workers at once. Safe to list in several projects of one run: the first one
 * names the run and drops its databases.
 */
export default async function setup() {
  if (process.env[TEST_RUN_ENV]) return;
  const run = randomBytes(4).toString("hex");
  process.env[TEST_RUN_ENV] = run;
  await Promise.all([migratedPgliteImage(), process.env.DATABASE_URL ? migratedTemplate() : null]);
  return async () => {
    if (process.env.DATABASE_URL) await dropRunDatabases(run);
    delete process.env[TEST_RUN_ENV];
  };
}
