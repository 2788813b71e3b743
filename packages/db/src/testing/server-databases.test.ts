import { randomBytes } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { createDb } from "../client";
import { describeOnPostgres } from "./on-postgres";
import {
  dropRunDatabases,
  migratedTemplate,
  newServerDatabase,
  TEST_RUN_ENV,
  withAdmin,
} from "./server-databases";

const exists = (name: string) =>
  withAdmin((sql) => sql`select 1 from pg_database where datname = ${name}`.then((rows) => rows.length > 0));

describeOnPostgres("test databases on the PostgreSQL server", () => {
  const run = process.env[TEST_RUN_ENV];
  afterEach(() => {
    if (run === undefined) delete process.env[TEST_RUN_ENV];
    else process.env[TEST_RUN_ENV] = run;
  });

  it("copies a migrated database from the template, which accepts no connections", async () => {
    const template = await migratedTemplate();
    const [row] = await withAdmin(
      (sql) => sql`select datistemplate, datallowconn from pg_database where datname = ${template}`,
    );
    expect(row).toEqual({ datistemplate: true, datallowconn: false });
    const copy = await newServerDatabase({ migrated: true });
    const db = await createDb(copy.url, { maxConnections: 1 });
    try {
      expect(await db.schemaStatus()).toEqual({ pending: [] });
    } finally {
      await db.close();
      await copy.drop();
    }
    const empty = await newServerDatabase({ migrated: false });
    const bare = await createDb(empty.url, { maxConnections: 1 });
    try {
      expect((await bare.schemaStatus()).pending.length).toBeGreaterThan(0);
    } finally {
      await bare.close();
      await empty.drop();
    }
  });

  it("drops at once outside a run, and at the run's end (all together) inside one", async () => {
    delete process.env[TEST_RUN_ENV];
    const alone = await newServerDatabase({ migrated: false });
    expect(await exists(alone.name)).toBe(true);
    await alone.drop();
    expect(await exists(alone.name)).toBe(false);

    const id = randomBytes(4).toString("hex");
    process.env[TEST_RUN_ENV] = id;
    const first = await newServerDatabase({ migrated: true });
    const second = await newServerDatabase({ migrated: false });
    expect(first.name).toContain(`_${id}_`);
    await first.drop();
    await second.drop();
    // Still there: the run's teardown drops them.
    expect([await exists(first.name), await exists(second.name)]).toEqual([true, true]);
    expect(await dropRunDatabases(id)).toBe(2);
    expect([await exists(first.name), await exists(second.name)]).toEqual([false, false]);
    // Four CREATE/DROP DATABASE, each waiting on a checkpoint: tens of seconds when the machine is busy.
  }, 120_000);
});
