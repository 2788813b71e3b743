import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, executeRows } from "./client";
import type { Database } from "./database";
import { describeOnPostgres } from "./testing/on-postgres";
import { createServerDatabase, type ServerDatabase } from "./testing/server-database";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "./testing/test-database";

/**
 * `Database.rawTransaction`: the driver's own transaction, with the
 * statements as texts (what the share writes run on, issue 15).
 */
describe.each(testDatabaseKinds())("rawTransaction on %s", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await executeRows(test.db, sql`create table raw_tx_probe (n int primary key)`);
  });
  afterAll(() => test?.cleanup());

  const count = async () =>
    (await executeRows<{ n: number }>(test.db, sql`select count(*)::int as n from raw_tx_probe`))[0]?.n;

  it("commits what it wrote and answers the work's value, rows as the driver reads them", async () => {
    const answer = await test.db.rawTransaction(async (query) => {
      await query("insert into raw_tx_probe (n) values ($1), ($2)", [1, 2]);
      return query("select n from raw_tx_probe where n >= $1 order by n", [1]);
    });
    expect(answer).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await count()).toBe(2);
  });

  it("rolls everything back when the work throws, and passes the error on", async () => {
    const failure = new Error("work failed");
    await expect(
      test.db.rawTransaction(async (query) => {
        await query("insert into raw_tx_probe (n) values ($1)", [3]);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await count()).toBe(2);
  });

  it("rolls back on a failing statement, with the database's error", async () => {
    await expect(
      test.db.rawTransaction(async (query) => {
        await query("insert into raw_tx_probe (n) values ($1)", [4]);
        await query("insert into raw_tx_probe (n) values ($1)", [1]);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(await count()).toBe(2);
  });

  it("runs every statement inside the one transaction", async () => {
    const ids = await test.db.rawTransaction(async (query) => [
      ...(await query("select txid_current()::text as id", [])),
      ...(await query("select txid_current()::text as id", [])),
    ]);
    expect(ids).toHaveLength(2);
    expect(ids[0]?.id).toBe(ids[1]?.id);
  });
});

/** A transaction that has run a statement and keeps its connection until released. */
const holdTransaction = async (db: Database) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = () => {};
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const transaction = db.rawTransaction(async (query) => {
    await query("select 1 as one", []);
    started();
    await held;
  });
  await running;
  return {
    async release() {
      release();
      await transaction;
    },
  };
};

describeOnPostgres("rawTransaction on PostgreSQL: pooler mode and the pool", () => {
  let server: ServerDatabase;
  beforeAll(async () => {
    server = await createServerDatabase({ migrated: false });
  });
  afterAll(() => server?.drop());

  it("behind a transaction pooler: the timeouts set per transaction, nothing prepared", async () => {
    const db = await createDb(server.url, {
      maxConnections: 1,
      pooler: "transaction",
      statementTimeoutMs: 4_321,
    });
    try {
      const [inside] = await db.rawTransaction((query) =>
        query(
          "select current_setting('statement_timeout') as st, current_setting('idle_in_transaction_session_timeout') as it",
          [],
        ),
      );
      expect(inside).toEqual({ st: "4321ms", it: "15s" });
      const [prepared] = await executeRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from pg_prepared_statements`,
      );
      expect(prepared?.n).toBe(0);
      const [outside] = await executeRows<{ st: string }>(
        db,
        sql`select current_setting('statement_timeout') as st`,
      );
      expect(outside?.st).toBe("0");
    } finally {
      await db.close();
    }
  });

  it("directly on the server: its statements prepared, the connection's own timeouts", async () => {
    const db = await createDb(server.url, { maxConnections: 1, statementTimeoutMs: 4_321 });
    try {
      const [inside] = await db.rawTransaction((query) =>
        query("select current_setting('statement_timeout') as st, $1::int as probe", [7]),
      );
      expect(inside).toEqual({ st: "4321ms", probe: 7 });
      const rows = await executeRows<{ statement: string }>(
        db,
        sql`select statement from pg_prepared_statements`,
      );
      expect(rows.map((r) => r.statement)).toContain(
        "select current_setting('statement_timeout') as st, $1::int as probe",
      );
    } finally {
      await db.close();
    }
  });

  // postgres.js pipelines up to 100 statements on a busy connection, and a
  // BEGIN sent as the 100th skipped the step that reserves the connection for
  // its transaction: it failed with UNSAFE_TRANSACTION (porsager/postgres #823,
  // #1207), as the 120-way cap race in concurrency.test.ts once did under load.
  // patches/postgres@3.4.9.patch reserves the connection whatever the pipeline.
  it("gets its connection to itself even when its BEGIN is pipelined 100th on a busy one", async () => {
    const db = await createDb(server.url, { maxConnections: 2 });
    try {
      await Promise.all([db.ping(), db.ping()]);
      const holder = await holdTransaction(db);
      // The other connection takes these 100, one running and 99 pipelined behind it...
      const busy = Array.from({ length: 100 }, () => executeRows(db, sql`select 1 as one`));
      // ...all handed to the driver before any answer can arrive (microtasks only, no I/O).
      for (let turn = 0; turn < 1_000 && db.pool?.().waiting !== 99; turn++) await Promise.resolve();
      expect(db.pool?.()).toEqual({ size: 2, inUse: 2, waiting: 99 });
      // ...and this BEGIN is the 100th in its pipeline.
      const ids = await db.rawTransaction(async (query) => [
        ...(await query("select txid_current()::text as id", [])),
        ...(await query("select txid_current()::text as id", [])),
      ]);
      expect(ids).toHaveLength(2);
      expect(ids[0]?.id).toBe(ids[1]?.id);
      expect(await Promise.all(busy)).toEqual(Array.from({ length: 100 }, () => [{ one: 1 }]));
      await holder.release();
    } finally {
      await db.close();
    }
  });

  it("holds a pool connection while it runs (pool statistics)", async () => {
    const db = await createDb(server.url, { maxConnections: 1 });
    try {
      const tx = await holdTransaction(db);
      expect(db.pool?.()).toEqual({ size: 1, inUse: 1, waiting: 0 });
      await tx.release();
      expect(db.pool?.()).toEqual({ size: 1, inUse: 0, waiting: 0 });
    } finally {
      await db.close();
    }
  });
});
