import type postgres from "postgres";
import { ProgressBar } from "./progress";

/**
 * The read yardstick's own copy of the rows: `bench_copy.shares` and
 * `bench_copy.brands`, the same rows in the same physical order, in the same
 * database, with the same unique index on token_hash (and the brands' primary
 * key) that the public read probes. The yardstick connects with
 * `search_path=bench_copy`, so its statement is the shipped one, character for
 * character, over other pages.
 *
 * Why: with one table, whichever server runs right after the other finds the
 * other's 20,000 sampled rows already in shared_buffers (they do not fit:
 * ~160 MB of heap pages against 128 MB), and the two runs are not independent.
 * With a copy each server warms only its own pages; both compete for the same
 * buffer cache and OS page cache, as two tenants of one database would.
 */
export const YARDSTICK_SCHEMA = "bench_copy";

export const copyForYardstick = async (sql: postgres.Sql): Promise<void> => {
  const bar = new ProgressBar("read yardstick's copy", 4, " steps");
  await sql.unsafe(`drop schema if exists ${YARDSTICK_SCHEMA} cascade; create schema ${YARDSTICK_SCHEMA}`);
  await sql.unsafe(`
    create table ${YARDSTICK_SCHEMA}.brands (like public.brands including all);
    insert into ${YARDSTICK_SCHEMA}.brands select * from public.brands;`);
  bar.tick();
  // Columns, defaults, the check constraint and per-column storage/compression as the original.
  await sql.unsafe(`
    create table ${YARDSTICK_SCHEMA}.shares (like public.shares
      including defaults including constraints including storage including compression)`);
  // A sequential scan returns the heap in physical order: the copy keeps the layout.
  await sql.unsafe(`insert into ${YARDSTICK_SCHEMA}.shares select * from public.shares`);
  bar.tick();
  const [index] = await sql<{ def: string }[]>`
    select pg_get_indexdef(indexrelid) as def from pg_index
    where indexrelid = 'public.shares_token_hash_key'::regclass`;
  if (!index) throw new Error("shares_token_hash_key not found: the read yardstick's copy needs its index");
  await sql.unsafe(index.def.replace(" ON public.shares ", ` ON ${YARDSTICK_SCHEMA}.shares `));
  bar.tick();
  await sql.unsafe(`analyze ${YARDSTICK_SCHEMA}.shares; analyze ${YARDSTICK_SCHEMA}.brands`);
  const [check] = await sql<{ a: number; b: number }[]>`
    select (select count(*)::int from public.shares) as a, (select count(*)::int from bench_copy.shares) as b`;
  if (check?.a !== check?.b)
    throw new Error(`the yardstick's copy has ${check?.b} shares, expected ${check?.a}`);
  bar.tick();
  bar.finish();
};
