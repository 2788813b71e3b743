import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeRows } from "../client";
import { reusedTestDatabase, testDatabaseKinds } from "../testing";
import { pendingJobQueueStatements, requiredQueues } from "./job-queue-migrations";
import { jobQueueSchemaVersion, splitStatements } from "./job-queue-sql";

describe("job queue migrations", () => {
  it("create pg-boss's schema and every declared queue (else: pnpm --filter @sharelinks/db job-queue-migration)", () => {
    expect(pendingJobQueueStatements()).toEqual([]);
  });

  it("split SQL at top-level semicolons only", () => {
    expect(
      splitStatements(
        "create function f() returns void as $$ begin perform 1; end; $$ language plpgsql; select ';' -- a; b\n; select 2",
      ),
    ).toEqual([
      "create function f() returns void as $$ begin perform 1; end; $$ language plpgsql",
      "select ';' -- a; b",
      "select 2",
    ]);
  });
});

describe.each(testDatabaseKinds())("a migrated %s database", (kind) => {
  it("holds the job queue schema version this pg-boss expects, and every queue with its options", async () => {
    const test = await reusedTestDatabase(kind);
    try {
      const [version] = await executeRows<{ version: number }>(
        test.db,
        sql`select version from pgboss.version`,
      );
      // A pg-boss upgrade with a new schema needs a migration running PgBoss.getMigrationPlans().
      expect(version?.version).toBe(jobQueueSchemaVersion());
      const queues = await executeRows<{ name: string; policy: string; retry_limit: number | null }>(
        test.db,
        sql`select name, policy, retry_limit from pgboss.queue order by name`,
      );
      expect(queues).toEqual(
        requiredQueues()
          .map(([name, options]) => ({
            name,
            policy: (options as { policy: string }).policy,
            retry_limit: (options as { retryLimit?: number }).retryLimit ?? null,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      );
    } finally {
      await test.cleanup();
    }
  });
});
