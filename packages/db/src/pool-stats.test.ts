import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "./client";
import { createServerDatabase } from "./testing";

const url = process.env.DATABASE_URL;
if (!url)
  console.log("pool-stats test skipped: needs DATABASE_URL (a PostgreSQL server); PGlite has no pool");

describe.runIf(url)("pool stats on PostgreSQL", () => {
  it("count queries and transactions holding a connection, and those queued beyond the pool", async () => {
    const server = await createServerDatabase({ migrated: false });
    const db = await createDb(server.url, { maxConnections: 2 });
    try {
      const stats = () => db.pool?.();
      expect(stats()).toEqual({ size: 2, inUse: 0, waiting: 0 });
      // drizzle's queries are lazy: `then` starts them.
      const running = [
        db.orm.execute(sql`select pg_sleep(0.4)`).then(() => {}),
        db.orm.execute(sql`select pg_sleep(0.4)`).then(() => {}),
        db.orm.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.4)`);
          await tx.execute(sql`select 1`);
        }),
      ];
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(stats()).toEqual({ size: 2, inUse: 2, waiting: 1 });
      await Promise.all(running);
      expect(stats()).toEqual({ size: 2, inUse: 0, waiting: 0 });
    } finally {
      await db.close();
      await server.drop();
    }
  });
});
