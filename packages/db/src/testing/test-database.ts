import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Clock, RandomSource } from "@sharelinks/core";
import { type CreateDbOptions, createDb, createPgliteDb, type Database, type DatabaseKind } from "../client";
import { migratePgliteClient } from "../migrate";
import { createArgon2PasswordHasher, TEST_ARGON2_COST } from "../passwords";
import { createServices, type Services } from "../services";
import { migrationsKey, newServerDatabase } from "./server-databases";

export const TEST_TOKEN_SECRET = "sharelinks-test-token-secret-not-for-production";

export interface TestDatabase {
  kind: DatabaseKind;
  db: Database;
  services: Services;
  /** PostgreSQL only (else null): the database's URL, for a second instance's own pool. */
  url: string | null;
  /**
   * Closes the connection and, on PostgreSQL, drops the database (inside a
   * test run with global-setup.ts, at the run's end: see server-databases.ts).
   */
  cleanup(): Promise<void>;
}

export interface TestDatabaseOptions {
  clock?: Clock;
  random?: RandomSource;
  tokenSecret?: string;
  /** postgres.js pool size (PostgreSQL only); the concurrency tests want many. */
  maxConnections?: number;
  /** PostgreSQL only: timeouts and deadlines other than the production defaults. */
  database?: Pick<CreateDbOptions, "statementTimeoutMs" | "deadlineMs" | "transactionDeadlineMs">;
}

/** Every kind this run can test: PGlite always, PostgreSQL when DATABASE_URL points at a server. */
export const testDatabaseKinds = (): DatabaseKind[] =>
  process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** Services over a test database: the options' clock, random and token secret, argon2 at test cost. */
export const testServices = (db: Database, options: TestDatabaseOptions = {}): Services =>
  createServices(db, {
    tokenSecret: options.tokenSecret ?? TEST_TOKEN_SECRET,
    clock: options.clock,
    random: options.random,
    passwords: createArgon2PasswordHasher(TEST_ARGON2_COST),
  });

/**
 * A fresh, migrated, empty database with services on top (argon2 at test
 * cost). On PostgreSQL each call gets its own database on the DATABASE_URL
 * server (a copy of a migrated template), so parallel test files and
 * concurrent runs never see each other.
 */
export const createTestDatabase = async (
  kind: DatabaseKind,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> => {
  const { db, dropDatabase, url } =
    kind === "pglite"
      ? {
          db: await createPgliteDb(null, { loadDataDir: await migratedPgliteImage() }),
          dropDatabase: null,
          url: null,
        }
      : await createServerDb(options);
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    await dropDatabase?.();
    throw error;
  }
  const services = testServices(db, options);
  let cleaned = false;
  return {
    kind,
    db,
    services,
    url,
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      await db.close();
      await dropDatabase?.();
    },
  };
};

let image: Promise<Blob> | null = null;

/**
 * A fresh PGlite runs initdb (about 3 s); one started from an image of an
 * already migrated data directory is up in well under one. The image is kept
 * in the OS temp directory, named after the migrations it contains, so every
 * test process (vitest isolates each file) reuses it. migrate() still runs on
 * every copy: a no-op there.
 */
export const migratedPgliteImage = (): Promise<Blob> => {
  image ??= loadOrBuildImage();
  return image;
};

const loadOrBuildImage = async (): Promise<Blob> => {
  const file = path.join(tmpdir(), `sharelinks-pglite-${await imageKey()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not built yet (or unreadable): build it below.
  }
  const client = await PGlite.create();
  let dump: Blob;
  try {
    await migratePgliteClient(client);
    dump = await client.dumpDataDir("none");
  } finally {
    await client.close();
  }
  // Write-then-rename, so a concurrent reader never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
};

/** Changes whenever a migration or the PGlite version does. */
const imageKey = async () => {
  const hash = createHash("sha256");
  // The package does not export its package.json; it sits one level above the entry point.
  const pgliteEntry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  hash.update(await readFile(path.join(path.dirname(pgliteEntry), "..", "package.json")));
  hash.update(await migrationsKey());
  return hash.digest("hex").slice(0, 16);
};

const createServerDb = async (options: TestDatabaseOptions) => {
  const database = await newServerDatabase({ migrated: true });
  let db: Database;
  try {
    db = await createDb(database.url, { ...options.database, maxConnections: options.maxConnections ?? 5 });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return { db, dropDatabase: database.drop, url: database.url };
};
