import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Database } from "./client";

/** The committed SQL, found relative to this file so any working directory works. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../drizzle", import.meta.url));

const config = { migrationsFolder: MIGRATIONS_FOLDER };

// Arbitrary but fixed: every instance of the app must agree on it.
const MIGRATION_LOCK_KEY = 7_460_301_945;

export const migratePgliteClient = async (client: PGlite) => {
  await migratePglite(drizzlePglite({ client }), config);
};

/**
 * Several app instances may start at once against one server. Each migrates
 * on its own single connection holding a session advisory lock, so they take
 * turns and the later ones find nothing left to apply.
 */
export const migratePostgresUrl = async (url: string, connectTimeoutSeconds: number) => {
  const client = postgres(url, { max: 1, connect_timeout: connectTimeoutSeconds, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client }), config);
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end({ timeout: 5 });
  }
};

const migrators = new WeakMap<Database, () => Promise<void>>();

/** Called by createDb: how this particular database is migrated. */
export const registerMigrator = (db: Database, run: () => Promise<void>) => {
  migrators.set(db, run);
};

/**
 * Applies every migration not yet recorded in drizzle.__drizzle_migrations.
 * Safe to run at every start: applied migrations are skipped.
 */
export const migrate = async (db: Database): Promise<void> => {
  const run = migrators.get(db);
  if (!run) throw new Error("migrate() needs a Database made by createDb()");
  await run();
};
