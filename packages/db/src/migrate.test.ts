import { readFileSync } from "node:fs";
import path from "node:path";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "./client";
import { MIGRATIONS_FOLDER } from "./migrate";
import * as schema from "./schema";
import { reusedTestDatabase, type TestDatabase, testDatabaseKinds } from "./testing";

const TABLES = [
  "api_keys",
  "brands",
  "idempotency_keys",
  "report_runs",
  "reports",
  "scheduled_reports",
  "sessions",
  "share_events",
  "share_expiry_notices",
  "share_expiry_reminders",
  "share_view_days",
  "share_view_referrers",
  "share_view_totals",
  "share_view_visitors",
  "shares",
  "users",
  "webhook_deliveries",
  "webhook_endpoints",
  "webhook_outbox",
];

describe.each(testDatabaseKinds())("migrations over %s", (kind) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("create every table", async () => {
    const rows = await executeRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(TABLES);
  });

  it("apply cleanly again and again: already applied migrations are skipped", async () => {
    await t.db.migrate();
    await t.db.migrate();
    const [applied] = await executeRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"));
    expect(applied?.n).toBe(journal.entries.length);
  });
});

describe("committed migrations", () => {
  it("are found from the package itself, whatever the working directory", () => {
    expect(path.isAbsolute(MIGRATIONS_FOLDER)).toBe(true);
    expect(MIGRATIONS_FOLDER).toBe(path.resolve(import.meta.dirname, "..", "drizzle"));
  });

  it("match the TypeScript schema (run `pnpm --filter @sharelinks/db generate` after a schema change)", async () => {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"));
    const last = journal.entries.at(-1);
    const snapshotFile = `${String(last.idx).padStart(4, "0")}_snapshot.json`;
    const committed = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", snapshotFile), "utf8"));
    const current = generateDrizzleJson(schema, committed.id);
    expect(await generateMigration(committed, current)).toEqual([]);
  });
});
