import { createShare, extendShare } from "@sharelinks/core";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Database, executeRows } from "./client";
import { brands } from "./schema";
import { createServices } from "./services";
import { preparedStatementsAllowed } from "./statement-preparation";
import { createTenant } from "./testing/fixtures";
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

/**
 * The share writes' hand-written statements (raw-sql.ts) go to the same
 * wrapped client: prepared by default, never behind a transaction pooler.
 */
describeOnPostgres("share writes' statement preparation on PostgreSQL", () => {
  let server: ServerDatabase;
  beforeAll(async () => {
    server = await createServerDatabase({ migrated: true });
  });
  afterAll(() => server?.drop());

  const preparedAfterWrites = async (db: Database) => {
    const services = createServices(db, { tokenSecret: "statement-preparation-test-secret" });
    const tenant = await createTenant(services);
    const member = tenant.actor(tenant.members[0] ?? tenant.manager);
    const resource = { type: "report" as const, id: tenant.report.id };
    const created = await createShare(services.shares, member, resource, {});
    const refreshed = await createShare(services.shares, member, resource, { expiration_days: 9 });
    const extended = await extendShare(
      services.shares,
      member,
      created.share.id,
      { expiration_days: 3 },
      { under: resource },
    );
    expect(refreshed).toMatchObject({ isExisting: true, share: { id: created.share.id } });
    expect(extended.share.expiresAt.getTime()).toBeLessThan(refreshed.share.expiresAt.getTime());
    const rows = await executeRows<{ statement: string }>(
      db,
      sql`select statement from pg_prepared_statements`,
    );
    return rows
      .map((row) => row.statement)
      .filter((statement) => /\b(from|into|update) shares\b/.test(statement));
  };

  it("prepares the lock, the reads and the combined writes by default", async () => {
    const db = await createDb(server.url, { maxConnections: 1 });
    try {
      const prepared = await preparedAfterWrites(db);
      expect(prepared.some((s) => s.startsWith("select id, brand_id") && s.includes("for update"))).toBe(
        true,
      );
      expect(prepared.some((s) => s.startsWith("with w0 as (insert into shares"))).toBe(true);
      expect(prepared.some((s) => s.startsWith("with w0 as (update shares set expires_at"))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("prepares none of them when told not to (transaction pooler)", async () => {
    const db = await createDb(server.url, { maxConnections: 1, preparedStatements: false });
    try {
      expect(await preparedAfterWrites(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
