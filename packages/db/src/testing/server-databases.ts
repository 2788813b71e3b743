import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "../client";
import { MIGRATIONS_FOLDER } from "../migrate";

/**
 * Databases for tests on the DATABASE_URL server. Two costs dominate there:
 * running every migration on each new database (about 1 s), and DROP DATABASE,
 * which makes PostgreSQL take an immediate checkpoint (1-2 s each on a busy
 * machine, however small the database). So a new database is copied from a
 * migrated template (`create database ... template`, a few hundred ms), and
 * inside a test run (global-setup.ts sets TEST_RUN_ENV) the drops wait for
 * the run's end, where they run together and share their checkpoints.
 */

export const TEST_DATABASE_PREFIX = "sharelinks_test_";
const TEMPLATE_PREFIX = "sharelinks_template_";
/** Set by global-setup.ts: the run whose databases its teardown drops. */
export const TEST_RUN_ENV = "SHARELINKS_TEST_RUN";
// Databases and templates of a crashed run are swept by later runs once surely abandoned.
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;
// Arbitrary but fixed: processes building the template take turns.
const TEMPLATE_LOCK_KEY = 7_460_301_946;

export const serverUrl = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "a PostgreSQL test database needs DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres",
    );
  return url;
};

export const withAdmin = async <T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> => {
  const sql = postgres(serverUrl(), { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
};

const urlOf = (name: string) => {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

const runId = () => process.env[TEST_RUN_ENV]?.replace(/[^a-z0-9]/gi, "") || null;

/**
 * `sharelinks_test_<ms>_[<run>_]<random>`: the creation time lets a later run
 * tell abandoned databases apart, the run id lets this run's teardown find its own.
 */
const newName = () => {
  const run = runId();
  return `${TEST_DATABASE_PREFIX}${Date.now()}_${run ? `${run}_` : ""}${randomBytes(4).toString("hex")}`;
};

/** Changes whenever a migration does. */
export const migrationsKey = async (): Promise<string> => {
  const hash = createHash("sha256");
  for (const name of (await readdir(MIGRATIONS_FOLDER, { recursive: true })).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, name);
    if (name.endsWith(".sql") || name.endsWith(".json")) hash.update(name).update(await readFile(full));
  }
  return hash.digest("hex").slice(0, 16);
};

let template: Promise<string> | null = null;

/**
 * The name of a database holding every migration and nothing else, built once
 * per set of migrations and kept on the server between runs. It accepts no
 * connections (CREATE DATABASE cannot copy a database someone is connected to).
 */
export const migratedTemplate = (): Promise<string> => {
  template ??= ensureTemplate().catch((error) => {
    template = null;
    throw error;
  });
  return template;
};

const ensureTemplate = async (): Promise<string> => {
  const name = `${TEMPLATE_PREFIX}${await migrationsKey()}`;
  const exists = (sql: postgres.Sql) =>
    sql`select 1 from pg_database where datname = ${name}`.then((rows) => rows.length > 0);
  if (await withAdmin(exists)) return name;
  return withAdmin(async (sql) => {
    // Advisory locks belong to the database the admin connection is on: every builder uses the same one.
    await sql`select pg_advisory_lock(${TEMPLATE_LOCK_KEY})`;
    try {
      if (await exists(sql)) return name;
      await sweepTemplates(sql, name);
      const building = `${name}_building`;
      await sql.unsafe(`drop database if exists "${building}" with (force)`);
      await sql.unsafe(`create database "${building}"`);
      // Built once: no hurry, and the machine may be busy.
      const db = await createDb(urlOf(building), { maxConnections: 1, connectTimeoutSeconds: 30 });
      try {
        await db.migrate();
      } finally {
        await db.close();
      }
      await sql.unsafe(`alter database "${building}" rename to "${name}"`);
      await sql.unsafe(`alter database "${name}" with is_template true allow_connections false`);
      await sql.unsafe(`comment on database "${name}" is '${Date.now()}'`);
      return name;
    } finally {
      await sql`select pg_advisory_unlock(${TEMPLATE_LOCK_KEY})`;
    }
  });
};

/** Templates of other migration sets, unused for long (a run on another branch may still want a recent one). */
const sweepTemplates = async (sql: postgres.Sql, keep: string) => {
  const others = await sql<{ datname: string; made: string | null }[]>`
    select datname, shobj_description(oid, 'pg_database') as made from pg_database
    where datname like ${`${TEMPLATE_PREFIX}%`} and datname <> ${keep}`;
  for (const { datname, made } of others) {
    if (Date.now() - Number(made ?? 0) <= ABANDONED_AFTER_MS) continue;
    await sql.unsafe(`alter database "${datname}" with is_template false`);
    await sql.unsafe(`drop database if exists "${datname}" with (force)`);
  }
};

let swept = false;

/** Databases left behind by runs that crashed long ago. Once per process. */
const sweepAbandoned = async (sql: postgres.Sql) => {
  if (swept) return;
  swept = true;
  const stale = await sql<{ datname: string }[]>`
    select datname from pg_database where datname like ${`${TEST_DATABASE_PREFIX}%`}`;
  for (const { datname } of stale) {
    const createdAt = Number(datname.slice(TEST_DATABASE_PREFIX.length).split("_")[0]);
    if (Date.now() - createdAt > ABANDONED_AFTER_MS) {
      await sql.unsafe(`drop database if exists "${datname}" with (force)`);
    }
  }
};

export interface NewServerDatabase {
  name: string;
  url: string;
  /** Drops it (closing whatever is still connected): now, or within a test run at the run's end. */
  drop(): Promise<void>;
}

/** A new database on the DATABASE_URL server: a copy of the migrated template, or empty. */
export const newServerDatabase = async (options: { migrated: boolean }): Promise<NewServerDatabase> => {
  const source = options.migrated ? await migratedTemplate() : null;
  const name = newName();
  await withAdmin(async (sql) => {
    await sweepAbandoned(sql);
    await sql.unsafe(`create database "${name}"${source ? ` template "${source}"` : ""}`);
  });
  let dropped = false;
  return {
    name,
    url: urlOf(name),
    async drop() {
      if (dropped) return;
      dropped = true;
      // Within a run the teardown drops it; its connections are closed by then (else `with (force)` ends them).
      if (runId()) return;
      await withAdmin(
        async (sql) => void (await sql.unsafe(`drop database if exists "${name}" with (force)`)),
      );
    },
  };
};

/**
 * Drops every database of the run, a few at a time: concurrent DROP DATABASEs
 * wait on the same checkpoint instead of one each.
 */
export const dropRunDatabases = async (run: string, concurrency = 8): Promise<number> => {
  const names = await withAdmin((sql) =>
    sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${TEST_DATABASE_PREFIX}%\\_${run}\\_%`}`.then(
      (rows) => rows.map((row) => row.datname),
    ),
  );
  const queue = [...names];
  const sql = postgres(serverUrl(), { max: concurrency, connect_timeout: 5, onnotice: () => {} });
  try {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let name = queue.shift(); name; name = queue.shift()) {
          await sql.unsafe(`drop database if exists "${name}" with (force)`);
        }
      }),
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
  return names.length;
};
