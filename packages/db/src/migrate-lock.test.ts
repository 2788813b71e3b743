import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, executeRows } from "./client";
import { MIGRATION_LOCK_KEY } from "./migrate";
import { createServerDatabase, type ServerDatabase } from "./testing/server-database";

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)("migrations as a step (PostgreSQL)", () => {
  let database: ServerDatabase;
  beforeAll(async () => {
    database = await createServerDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("three instances migrating an empty database at once: one applies, the others wait with a log line", async () => {
    const dbs = await Promise.all([1, 2, 3].map(() => createDb(database.url, { maxConnections: 1 })));
    const logs: string[][] = [[], [], []];
    try {
      expect((await dbs[0]!.schemaStatus()).pending.length).toBeGreaterThan(0);
      const results = await Promise.all(
        dbs.map((db, i) => db.migrate({ log: (message) => logs[i]!.push(message) })),
      );
      const appliers = results.filter((r) => r.applied.length > 0);
      expect(appliers).toHaveLength(1);
      const waited = logs.filter((lines) => lines.some((l) => l.includes("waiting for the migration lock")));
      expect(waited.length).toBeGreaterThanOrEqual(1);
      for (const db of dbs) expect((await db.schemaStatus()).pending).toEqual([]);
      const [n] = await executeRows<{ n: number }>(
        dbs[0]!,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(n?.n).toBe(appliers[0]!.applied.length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  }, 60_000);

  it("a waiter that looked before the winner made the migrations table sees it once it holds the lock", async () => {
    // Deterministic form of a race the scale test met (S4): the waiter's first
    // look finds no table; while it waits for the lock, another instance
    // migrates and commits; with the lock, the waiter must find nothing left
    // (to_regclass answered from a stale catalog cache, and it re-ran 0000).
    const empty = await createServerDatabase();
    const holder = await createDb(empty.url, { maxConnections: 1 });
    const waiter = await createDb(empty.url, { maxConnections: 1 });
    try {
      let waiterRun: Promise<{ applied: string[] }> | null = null;
      await holder.orm.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
        await new Promise<void>((resolve) => {
          waiterRun = waiter.migrate({ log: (message) => message.includes("waiting") && resolve() });
        });
        // The "winner" records a migration newer than every one this build has
        // (no DDL, so nothing else tells the waiter), then commits.
        await tx.execute(sql`create schema drizzle`);
        await tx.execute(
          sql`create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
        );
        await tx.execute(
          sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer', ${Number.MAX_SAFE_INTEGER})`,
        );
      });
      expect(await waiterRun).toEqual({ applied: [] });
    } finally {
      await Promise.all([holder.close(), waiter.close()]);
      await empty.drop();
    }
  }, 60_000);

  it("a role with DML rights only: the current schema reads as current and migrates as a no-op (no DDL)", async () => {
    const admin = postgres(database.url, { max: 1, onnotice: () => {} });
    const role = `sl_dml_${Date.now()}`;
    try {
      await admin.unsafe(`create role ${role} login`);
      await admin.unsafe(`grant usage on schema public, drizzle to ${role}`);
      await admin.unsafe(`grant select, insert, update, delete on all tables in schema public to ${role}`);
      await admin.unsafe(`grant select on all tables in schema drizzle to ${role}`);
      const url = new URL(database.url);
      url.username = role;
      const db = await createDb(url.toString(), { maxConnections: 1 });
      try {
        expect(await db.schemaStatus()).toEqual({ pending: [] });
        expect(await db.migrate()).toEqual({ applied: [] });
      } finally {
        await db.close();
      }
      await admin.unsafe(`drop owned by ${role}`);
      await admin.unsafe(`drop role ${role}`);
    } finally {
      await admin.end({ timeout: 5 });
    }
  }, 60_000);
});
