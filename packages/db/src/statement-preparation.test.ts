import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Database, executeRows } from "./client";
import { brands } from "./schema";
import { preparedStatementsAllowed } from "./statement-preparation";
import { describeOnPostgres } from "./testing/on-postgres";
import { createServerDatabase, type ServerDatabase } from "./testing/server-database";

describe("preparedStatementsAllowed", () => {
  it("is off behind a transaction-mode pooler only", () => {
    expect(preparedStatementsAllowed(undefined)).toBe(true);
    expect(preparedStatementsAllowed("none")).toBe(true);
    expect(preparedStatementsAllowed("transaction")).toBe(false);
    expect(preparedStatementsAllowed(" Transaction ")).toBe(false);
  });
});

/**
 * On one pooled connection, what the server holds as prepared statements after
 * a plain drizzle query (no `.prepare(name)`), one inside a transaction, and a
 * `.prepare(name)` one.
 */
describeOnPostgres("statement preparation on PostgreSQL", () => {
  let server: ServerDatabase;
  beforeAll(async () => {
    server = await createServerDatabase({ migrated: true });
  });
  afterAll(() => server?.drop());

  const preparedAfterQueries = async (db: Database) => {
    await db.orm.select({ id: brands.id }).from(brands).where(eq(brands.name, "plain"));
    await db.orm.transaction(async (tx) => {
      await tx.select({ name: brands.name }).from(brands).where(eq(brands.name, "in a transaction"));
    });
    const named = db.orm
      .select({ id: brands.id, name: brands.name })
      .from(brands)
      .where(eq(brands.name, sql.placeholder("name")))
      .prepare("by_name");
    await named.execute({ name: "named" });
    const rows = await executeRows<{ statement: string }>(
      db,
      sql`select statement from pg_prepared_statements`,
    );
    // postgres.js's own statements (its type lookup, commit) are its business: only ours are looked at.
    return rows.map((row) => row.statement).filter((statement) => statement.includes('from "brands"'));
  };

  it("prepares every query by default, in and out of transactions, and answers the same", async () => {
    const db = await createDb(server.url, { maxConnections: 1 });
    try {
      const prepared = await preparedAfterQueries(db);
      expect(prepared.sort()).toEqual([
        'select "id" from "brands" where "brands"."name" = $1',
        'select "id", "name" from "brands" where "brands"."name" = $1',
        'select "name" from "brands" where "brands"."name" = $1',
      ]);
    } finally {
      await db.close();
    }
  });

  it("prepares nothing, not even a .prepare(name) query, when told not to (transaction pooler)", async () => {
    const db = await createDb(server.url, { maxConnections: 1, preparedStatements: false });
    try {
      expect(await preparedAfterQueries(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
