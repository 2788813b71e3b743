import { type Clock, systemClock } from "@sharelinks/core";
import { createServices, type Database, type Services } from "@sharelinks/db";
import { createTestDatabase, TEST_TOKEN_SECRET, type TestDatabase } from "@sharelinks/db/testing";

/**
 * A copy of packages/rest/src/test-support/reused-pglite.ts (the packages share
 * no test code but @sharelinks/db/testing, where this belongs).
 *
 * PGlite databases for the harness, reused from one test file to the next in
 * a worker. Starting a PGlite (untarring the migrated image, booting the
 * WebAssembly server) costs 1.3-2 CPU-seconds, more than most of these files'
 * tests together, and every file wanted its own. The files share a worker's
 * module cache (`isolate: false`), so a database a file is done with is reset
 * to what a fresh one holds and handed to the next file instead of closed.
 *
 * "What a fresh one holds", checked rather than assumed: the first database
 * of the worker is surveyed before any test touches it. Its empty tables are
 * emptied again on reset (identities restarted), its sequences set back, and
 * the tables the migrations filled (migration journal, job-queue version) must
 * hold the same number of rows, else the database is closed and the next file
 * gets a new one. A database a test closed or broke fails the reset the same way.
 */

interface Baseline {
  emptyTables: string[];
  /** `select count(*)` of every table the migrations filled, as one row. */
  filledCountQuery: string | null;
  filledCounts: string;
  sequences: { name: string; value: string; called: boolean }[];
}

let baseline: Promise<Baseline> | null = null;
const parked: TestDatabase[] = [];

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

const survey = (db: Database): Promise<Baseline> =>
  db.rawTransaction(async (query) => {
    const tables = (await query(
      `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
       order by 1, 2`,
      [],
    )) as { schema: string; name: string }[];
    const emptyTables: string[] = [];
    const filled: string[] = [];
    for (const { schema, name } of tables) {
      const full = `${q(schema)}.${q(name)}`;
      const [row] = (await query(`select exists (select 1 from ${full}) as any`, [])) as { any: boolean }[];
      (row?.any ? filled : emptyTables).push(full);
    }
    const filledCountQuery = filled.length
      ? `select ${filled.map((t, i) => `(select count(*) from ${t})::text as c${i}`).join(", ")}`
      : null;
    const filledCounts = filledCountQuery ? JSON.stringify(await query(filledCountQuery, [])) : "";
    const sequences = (
      (await query(
        `select format('%I.%I', schemaname, sequencename) as name, coalesce(last_value, start_value)::text as value,
                last_value is not null as called
         from pg_sequences`,
        [],
      )) as { name: string; value: string; called: boolean }[]
    ).map(({ name, value, called }) => ({ name, value, called }));
    return { emptyTables, filledCountQuery, filledCounts, sequences };
  });

/** Back to the surveyed state; throws if that cannot be promised. */
const reset = async (db: Database, base: Baseline): Promise<void> => {
  await db.rawTransaction(async (query) => {
    if (base.filledCountQuery) {
      const counts = JSON.stringify(await query(base.filledCountQuery, []));
      if (counts !== base.filledCounts) throw new Error(`tables the migrations filled changed: ${counts}`);
    }
    if (base.emptyTables.length) await query(`truncate ${base.emptyTables.join(", ")} restart identity`, []);
    for (const s of base.sequences)
      await query("select setval($1::regclass, $2::bigint, $3)", [s.name, s.value, s.called]);
  });
};

export interface ReusedPglite {
  database: TestDatabase;
  /** Services over the database on this clock: new ones each time, nothing carried from the last file. */
  services: Services;
  /** Resets the database and keeps it for the next caller; closes it if it cannot be reset. */
  cleanup(): Promise<void>;
}

export const reusedPglite = async (clock: Clock = systemClock): Promise<ReusedPglite> => {
  const database = parked.pop() ?? (await createTestDatabase("pglite", { clock }));
  // Only a database no test has touched may be surveyed: the worker's first, before it is handed out.
  baseline ??= survey(database.db);
  const base = await baseline;
  const services = createServices(database.db, {
    tokenSecret: TEST_TOKEN_SECRET,
    clock,
    passwords: database.services.accounts.passwords,
  });
  let released = false;
  return {
    database,
    services,
    async cleanup() {
      if (released) return;
      released = true;
      try {
        await reset(database.db, base);
        parked.push(database);
      } catch {
        // Closed by the test (db-down), left mid-transaction, or holding rows a fresh one would not: a new one next time.
        await database.cleanup().catch(() => {});
      }
    },
  };
};
