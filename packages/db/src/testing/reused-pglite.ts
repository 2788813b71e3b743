import type { Database, DatabaseKind } from "../database";
import { dbTracingEnabled } from "../db-tracing";
import {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
  testServices,
} from "./test-database";

/**
 * PGlite test databases reused from one test file to the next in a worker.
 * Starting a PGlite (untarring the migrated image, booting the WebAssembly
 * server) costs 1.3-3 CPU-seconds, more than most test files' tests together.
 * Test files share a worker's module cache (`isolate: false` in every
 * package), so a database a file is done with is reset to what a fresh one
 * holds and handed to the next file instead of closed.
 *
 * "What a fresh one holds" is checked rather than assumed: the worker's first
 * database is surveyed before any test touches it. On reset its empty tables
 * are emptied again (identities restarted) and its sequences set back; the
 * tables the migrations filled (migration journal, job-queue version) must
 * hold the same number of rows, and the schema (relations, session settings)
 * must be the surveyed one, else the database is closed and the next caller
 * gets a new one. A database a test closed or wedged fails the reset the same way.
 */

interface Baseline {
  emptyTables: string[];
  /** `select count(*)` of every table the migrations filled, as one row. */
  filledCountQuery: string | null;
  filledCounts: string;
  sequences: { name: string; value: string; called: boolean }[];
  shape: string;
}

let baseline: Promise<Baseline> | null = null;
/**
 * Databases reset and waiting for the next caller (more than one when a file
 * holds several at once), each with whether database tracing was on when it
 * was opened: the client is wrapped in spans then or never (db-tracing.ts), so
 * a caller gets only one opened as a fresh one would be now.
 */
const parked: { database: TestDatabase; traced: boolean }[] = [];

const takeParked = (): { database: TestDatabase; traced: boolean } | undefined => {
  const index = parked.findLastIndex((entry) => entry.traced === dbTracingEnabled());
  return index === -1 ? undefined : parked.splice(index, 1)[0];
};

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every relation outside the catalogs (temporary ones included: they outlive
 * a file on the one PGlite session) and every setting changed for the
 * session, as one string: a test that created a table or ran SET leaves a
 * database no fresh one is.
 */
const SHAPE_QUERY = `select
  (select coalesce(string_agg(relation, ',' order by relation), '')
     from (select format('%I.%I:%s', n.nspname, c.relname, c.relkind) as relation
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%') r)
  || ';' ||
  (select coalesce(string_agg(name || '=' || setting, ',' order by name), '') from pg_settings where source = 'session')
  as shape`;

const shapeOf = async (
  query: (text: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>,
) => {
  const [row] = await query(SHAPE_QUERY, []);
  return String(row?.shape);
};

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
    return { emptyTables, filledCountQuery, filledCounts, sequences, shape: await shapeOf(query) };
  });

/** Back to the surveyed state; throws if that cannot be promised. */
const reset = async (db: Database, base: Baseline): Promise<void> => {
  if (db.wedged()) throw new Error("the database is wedged");
  await db.rawTransaction(async (query) => {
    const shape = await shapeOf(query);
    if (shape !== base.shape) throw new Error(`the schema or session settings changed: ${shape}`);
    if (base.filledCountQuery) {
      const counts = JSON.stringify(await query(base.filledCountQuery, []));
      if (counts !== base.filledCounts) throw new Error(`tables the migrations filled changed: ${counts}`);
    }
    if (base.emptyTables.length) await query(`truncate ${base.emptyTables.join(", ")} restart identity`, []);
    for (const s of base.sequences)
      await query("select setval($1::regclass, $2::bigint, $3)", [s.name, s.value, s.called]);
  });
};

/**
 * What `createTestDatabase("pglite", options)` gives (a migrated database no
 * other test sees rows of, services on the options' clock, random and token
 * secret, new ones each call), but usually the previous file's database,
 * reset. `cleanup()` resets it and keeps it for the next caller, or closes
 * it when it cannot be reset. Options for PostgreSQL only are ignored.
 */
export const reusedPgliteDatabase = async (options: TestDatabaseOptions = {}): Promise<TestDatabase> => {
  const { database, traced } = takeParked() ?? {
    traced: dbTracingEnabled(),
    database: await createTestDatabase("pglite"),
  };
  // Only a database no test has touched may be surveyed: the worker's first, before it is handed out.
  baseline ??= survey(database.db);
  const base = await baseline;
  const services = testServices(database.db, options);
  let cleaned = false;
  return {
    kind: "pglite",
    db: database.db,
    services,
    url: null,
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      try {
        await reset(database.db, base);
        parked.push({ database, traced });
      } catch {
        // Closed by the test (db-down), wedged, left mid-transaction, or unlike a fresh one: a new one next time.
        await database.cleanup().catch(() => {});
      }
    },
  };
};

/**
 * `createTestDatabase(kind, options)` for a file that needs only a fresh
 * database: on PGlite the reused one above; on PostgreSQL a database of its
 * own, which costs the client little (a copy of the migrated template).
 */
export const reusedTestDatabase = (
  kind: DatabaseKind,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> =>
  kind === "pglite" ? reusedPgliteDatabase(options) : createTestDatabase(kind, options);
