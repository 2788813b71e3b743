import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "./client";
import { createTenant, createTestDatabase, type TestDatabase, testDatabaseKinds } from "./testing";

/**
 * Each index added for retention and brand-wide reads, justified by the query
 * it serves: the plan of that query names it. Sequential scans are switched
 * off for the check, so the answer does not depend on how many rows a test
 * database holds (docs/operations.md, "Indexes", shows the plans on a large one).
 */
const planOf = async (test: TestDatabase, query: SQL): Promise<string> =>
  test.db.orm.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = await executeRows<{ "QUERY PLAN": string }>({ orm: tx }, sql`explain ${query}`);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });

describe.each(testDatabaseKinds())("indexes on %s", (kind) => {
  let test: TestDatabase;
  let brandId: string;
  const cutoff = new Date("2026-01-01T00:00:00.000Z").toISOString();
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    brandId = (await createTenant(test.services, { members: 0 })).brand.id;
  });
  afterAll(() => test.cleanup());

  it.each([
    ["shares_brand_id_idx", () => sql`select id from shares where brand_id = ${brandId}`],
    [
      "shares_expires_at_idx",
      () => sql`select id from shares where expires_at < ${cutoff} order by expires_at limit 1000`,
    ],
    [
      "share_events_brand_id_at_idx",
      () => sql`select id from share_events where brand_id = ${brandId} order by at desc limit 50`,
    ],
    [
      "share_events_at_idx",
      () => sql`select id from share_events where at < ${cutoff} order by at limit 1000`,
    ],
    [
      "sessions_expires_at_idx",
      () => sql`select id from sessions where expires_at < ${cutoff} order by expires_at limit 1000`,
    ],
    [
      "webhook_deliveries_created_at_idx",
      () =>
        sql`select id from webhook_deliveries where created_at < ${cutoff} and status <> 'pending' order by created_at limit 1000`,
    ],
    [
      "share_view_visitors_day_idx",
      () =>
        sql`select share_id from share_view_visitors where day < '2026-01-01'::date order by day limit 1000`,
    ],
  ])("%s serves its query", async (index, query) => {
    expect(await planOf(test, query())).toContain(index);
  });
});
