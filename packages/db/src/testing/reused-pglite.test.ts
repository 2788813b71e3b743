import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database";
import { dbTracingEnabled, traceDb } from "../db-tracing";
import { createTenant } from "./fixtures";
import { reusedPgliteDatabase } from "./reused-pglite";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * Row counts of every table, every sequence's position, every relation and
 * session setting: what a test could see of a database another file used.
 */
const snapshot = (db: Database) =>
  db.rawTransaction(async (query) => {
    const tables = await query(
      `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg_toast%' order by 1`,
      [],
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await query(`select count(*)::int as n from ${name}`, []);
      counts[String(name)] = Number(row?.n);
    }
    const sequences = await query(
      "select schemaname, sequencename, last_value::text as last_value from pg_sequences order by 1, 2",
      [],
    );
    const relations = await query(
      `select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' order by 1, 2`,
      [],
    );
    const settings = await query(
      "select name, setting from pg_settings where source = 'session' order by 1",
      [],
    );
    return { counts, sequences, relations, settings };
  });

/** Rows in tables a fresh database holds none of, and every sequence moved on. */
const use = async (database: TestDatabase) => {
  await createTenant(database.services);
  await database.db.rawTransaction(async (query) => {
    for (const { name } of await query(
      "select format('%I.%I', schemaname, sequencename) as name from pg_sequences",
      [],
    ))
      await query("select nextval($1::regclass)", [name]);
  });
};

const isClosed = (db: Database) =>
  db.ping().then(
    () => false,
    () => true,
  );

describe("reusedPgliteDatabase", () => {
  let fresh: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    const database = await createTestDatabase("pglite");
    try {
      fresh = await snapshot(database.db);
    } finally {
      await database.cleanup();
    }
  });
  let last: TestDatabase | null = null;
  afterAll(() => last?.cleanup());

  it("hands the next caller the same database, as a fresh one is: tables emptied, sequences restarted", async () => {
    const first = await reusedPgliteDatabase();
    expect(await snapshot(first.db)).toEqual(fresh);
    await use(first);
    const used = await snapshot(first.db);
    expect(used.counts).not.toEqual(fresh.counts);
    expect(used.sequences).not.toEqual(fresh.sequences);
    await first.cleanup();

    // Again and again: a reset (truncate rewrites catalog rows) must leave one that resets the next time too.
    for (let round = 0; round < 3; round += 1) {
      last = await reusedPgliteDatabase();
      expect(last.db).toBe(first.db);
      expect(await snapshot(last.db)).toEqual(fresh);
      // And it works: services of its own, on a database that takes the same writes again.
      await use(last);
      if (round < 2) await last.cleanup();
    }
  });

  it("hands a database opened with tracing off only to a caller with it off (its client is wrapped at open or never)", async () => {
    const untraced = last ?? (await reusedPgliteDatabase());
    last = null;
    await untraced.cleanup();
    const was = dbTracingEnabled();
    traceDb(true);
    try {
      const traced = await reusedPgliteDatabase();
      expect(traced.db).not.toBe(untraced.db);
      await traced.cleanup();
    } finally {
      traceDb(was);
    }
    last = await reusedPgliteDatabase();
    expect(last.db).toBe(untraced.db);
  });

  it.each([
    [
      "the migrations' rows changed",
      (db: Database) =>
        db.rawTransaction((query) => query("delete from drizzle.__drizzle_migrations where id = 1", [])),
    ],
    [
      "a table was created",
      (db: Database) => db.rawTransaction((query) => query("create temporary table left_over (x int)", [])),
    ],
    [
      "a session setting changed",
      (db: Database) => db.rawTransaction((query) => query("set statement_timeout = 12345", [])),
    ],
    ["the test closed it", (db: Database) => db.close()],
  ])("closes a database when %s, and the next caller gets a new one", async (_, spoil) => {
    const spoilt = last ?? (await reusedPgliteDatabase());
    last = null;
    await spoil(spoilt.db);
    await spoilt.cleanup();
    expect(await isClosed(spoilt.db)).toBe(true);

    last = await reusedPgliteDatabase();
    expect(last.db).not.toBe(spoilt.db);
    expect(await snapshot(last.db)).toEqual(fresh);
  });
});
