import net from "node:net";
import { DomainError } from "@sharelinks/core";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, executeRows } from "./client";
import { watchSockets } from "./pg-socket";
import { createServerDatabase, type ServerDatabase } from "./testing/server-database";

const serverUrl = process.env.DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TCP proxy in front of the real server that can turn into a black hole:
 * connections stay open and accepted, and nothing is forwarded either way
 * (a silent partition, or a pooler that stopped answering).
 */
const blackHoleProxy = async (target: URL) => {
  let silent = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.on("data", (chunk) => silent || upstream.write(chunk));
    upstream.on("data", (chunk) => silent || client.write(chunk));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url: url.toString(),
    setSilent(value: boolean) {
      silent = value;
    },
    get open() {
      return pairs.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
      }),
  };
};

describe.skipIf(!serverUrl)("client-side database deadline (PostgreSQL)", () => {
  let database: ServerDatabase;
  beforeAll(async () => {
    database = await createServerDatabase({ migrated: true });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("answers 503 within the deadline when pooled connections stop answering, and recovers after", async () => {
    const proxy = await blackHoleProxy(new URL(database.url));
    const db = await createDb(proxy.url, { maxConnections: 3, deadlineMs: 800, connectTimeoutSeconds: 1 });
    try {
      // Warm the pool: these connections are the ones that will hang.
      await Promise.all([db.ping(), db.ping(), db.ping()]);
      proxy.setSilent(true);
      const started = performance.now();
      const outcomes = await Promise.allSettled([
        db.ping(),
        db.orm.transaction(async (tx) => tx.execute(sql`select 1`)),
        executeRows(db, sql`select count(*) from shares`),
      ]);
      const elapsed = performance.now() - started;
      for (const outcome of outcomes) {
        expect(outcome.status).toBe("rejected");
        const reason = (outcome as PromiseRejectedResult).reason;
        // ping() translates; raw orm calls carry the driver error, which the adapters translate.
        const error =
          reason instanceof DomainError ? reason : (await import("./pg-errors")).translateDbError(reason);
        expect(error).toMatchObject({ code: "service_unavailable", details: { retry_after: 1 } });
      }
      // Deadline 800 ms plus one sweep (200 ms), with room for a busy machine; never the old 60 s.
      expect(elapsed).toBeLessThan(4_000);

      proxy.setSilent(false);
      await db.ping();
      expect(db.wedged()).toBe(false);
    } finally {
      await db.close();
      await proxy.close();
    }
  }, 30_000);

  it("gives up a transaction that stays open past the transaction deadline", async () => {
    const db = await createDb(database.url, {
      maxConnections: 1,
      transactionDeadlineMs: 600,
      deadlineMs: 5_000,
    });
    try {
      const outcome = await db.orm
        .transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await sleep(1_500);
          await tx.execute(sql`select 2`);
        })
        .then(
          () => "committed",
          (error: unknown) =>
            (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code,
        );
      expect(outcome).not.toBe("committed");
      // The pool serves the next request on a fresh connection.
      await db.ping();
    } finally {
      await db.close();
    }
  }, 30_000);

  it("never gives up a healthy connection: busy, pipelined, in transactions, then idle past the deadline", async () => {
    const watch = watchSockets({
      statementDeadlineMs: 300,
      transactionDeadlineMs: 2_000,
      keepAliveSeconds: 30,
    });
    const client = postgres(database.url, { max: 4, socket: watch.factory, onnotice: () => {} } as object);
    try {
      for (let round = 0; round < 3; round++) {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            i % 4 === 0
              ? client.begin(async (tx) => {
                  await tx`select ${i}::int as n`;
                  await tx`select pg_sleep(0.01)`;
                })
              : client`select ${i}::int as n, repeat('x', ${i * 500}) as big`,
          ),
        );
        await sleep(700); // idle for longer than the deadline
      }
      expect(watch.givenUp).toBe(0);
      expect(watch.longestWaitMs()).toBe(0);
    } finally {
      watch.stop();
      await client.end({ timeout: 5 });
    }
  }, 30_000);

  it("transaction pooler mode: no prepared statements, timeouts set per transaction", async () => {
    const db = await createDb(database.url, {
      maxConnections: 1,
      pooler: "transaction",
      statementTimeoutMs: 4_321,
    });
    try {
      const rows = await db.orm.transaction(async (tx) => {
        const inside = await tx.execute(
          sql`select current_setting('statement_timeout') as st, current_setting('idle_in_transaction_session_timeout') as it`,
        );
        return inside as unknown as { st: string; it: string }[];
      });
      expect(rows[0]?.st).toBe("4321ms");
      await executeRows(db, sql`select ${1}::int as one`);
      const [prepared] = await executeRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from pg_prepared_statements`,
      );
      expect(prepared?.n).toBe(0);
      // Outside a transaction the connection-level setting (none was sent) applies.
      const [outside] = await executeRows<{ st: string }>(
        db,
        sql`select current_setting('statement_timeout') as st`,
      );
      expect(outside?.st).toBe("0");
    } finally {
      await db.close();
    }
  }, 30_000);
});
