import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { ACTIVE_SHARES_PER_RESOURCE, createAesGcmTokenCipher, hashToken } from "@sharelinks/core";
import { createDb, prng } from "@sharelinks/db";
import postgres from "postgres";
import { reportTemplate, scheduleTemplate, TEMPLATES } from "./fixtures";
import { log, ProgressBar } from "./progress";
import { loadWriteFixtures, type WriteFixtureOptions, type WriteFixtures } from "./write-fixtures";
import { copyForYardstick } from "./yardstick-copy";

/**
 * Bulk loader. Tokens are minted in Node exactly like a real create (32 CSPRNG
 * bytes, base64url; sha256 via core's hashToken; AES-256-GCM via core's token
 * cipher under the secret the shipped server is started with) and streamed to
 * a staging table with COPY. Everything bulky (snapshots, joins to brands,
 * users and reports) is then produced inside PostgreSQL by INSERT ... SELECT,
 * so the 1 kB+ snapshots never cross the wire a million times.
 *
 * The shares table's indexes, primary key and foreign keys are taken from the
 * migrated catalog, dropped for the load and recreated verbatim afterwards
 * (as pg_restore does): the unique indexes and foreign keys are checked over
 * every row when they come back, and the check constraint stays on throughout.
 */

/**
 * Every resource is loaded full: core's cap (ACTIVE_SHARES_PER_RESOURCE) shares,
 * one per user of its brand, so each brand has that many users.
 */
export const RESOURCES_PER_BRAND = 100;
/** Out of every 100 resources of a brand, the last 10 are scheduled reports. */
const SCHEDULED_FROM = 90;

/** Share i is expired when i % 20 == 7 (5% of the table); all others expire 1..365 days ahead. */
const isExpiredIndex = (i: number) => i % 20 === 7;

export type { Calibration, WriteFixtures, Writer } from "./write-fixtures";

export interface Dataset {
  name: string;
  url: string;
  shares: number;
  /** Plaintext tokens of active shares, picked uniformly over the whole table. */
  sample: string[];
  loadSeconds: number;
  sharesTableBytes: number;
  writes: WriteFixtures | null;
}

export interface LoadOptions {
  maintenanceUrl: string;
  name: string;
  url: string;
  shares: number;
  sampleSize: number;
  shareTokenSecret: string;
  /** Also provision the write benchmark's users, API keys and fresh resources. */
  writeFixtures?: WriteFixtureOptions;
  /** Also copy the shares and brands tables for the read yardstick (lib/yardstick-copy.ts). */
  yardstickCopy?: boolean;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const recreateDatabase = async (maintenanceUrl: string, name: string): Promise<void> => {
  const admin = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${ident(name)} with (force)`);
    await admin.unsafe(`create database ${ident(name)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
};

export const dropDatabase = async (maintenanceUrl: string, name: string): Promise<void> => {
  const admin = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${ident(name)} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
};

interface SharesDdl {
  constraints: { name: string; def: string }[];
  indexes: { name: string; def: string }[];
  /** Foreign keys of other tables (view analytics) that point at shares: they go while its key is down. */
  referencing: { table: string; name: string; def: string }[];
}

/** The shares table's primary key, foreign keys and plain indexes, as the migration created them. */
const captureSharesDdl = async (sql: postgres.Sql): Promise<SharesDdl> => {
  const constraints = await sql<{ name: string; def: string }[]>`
    select conname as name, pg_get_constraintdef(oid) as def
    from pg_constraint
    where conrelid = 'public.shares'::regclass and contype in ('p', 'f')
    order by contype desc, conname`;
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    where i.indrelid = 'public.shares'::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by 1`;
  const referencing = await sql<{ table: string; name: string; def: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
    from pg_constraint
    where confrelid = 'public.shares'::regclass and contype = 'f'
    order by 1, 2`;
  return { constraints: [...constraints], indexes: [...indexes], referencing: [...referencing] };
};

const indexFingerprint = async (sql: postgres.Sql): Promise<string> => {
  const rows = await sql<{ def: string }[]>`
    select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = 'public.shares'::regclass
    union all
    select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'public.shares'::regclass
    order by 1`;
  return rows.map((r) => r.def).join("\n");
};

export const loadDataset = async (options: LoadOptions): Promise<Dataset> => {
  const started = performance.now();
  const { name, url, shares } = options;
  log(`\n== loading ${shares.toLocaleString("en-US")} shares into database ${name}`);

  await recreateDatabase(options.maintenanceUrl, name);
  const db = await createDb(url, { maxConnections: 1 });
  try {
    await db.migrate();
  } finally {
    await db.close();
  }

  const sql = postgres(url, {
    max: 3,
    onnotice: () => {},
    connection: {
      application_name: "sharelinks-bench-loader",
      synchronous_commit: "off",
      maintenance_work_mem: "512MB",
      work_mem: "64MB",
    },
  });
  try {
    const now = new Date();
    const nowIso = now.toISOString();
    const resources = Math.ceil(shares / ACTIVE_SHARES_PER_RESOURCE);
    const brandCount = Math.ceil(resources / RESOURCES_PER_BRAND);
    const ddl = await captureSharesDdl(sql);
    const fingerprint = await indexFingerprint(sql);

    const steps = new ProgressBar("tenants and reports", 6, " steps");
    await sql.unsafe("create schema bench_load");
    await sql.unsafe(`
      create unlogged table bench_load.tpl (kind text, k int, results jsonb, snapshot jsonb, runs jsonb);
      create unlogged table bench_load.tok (i int, token_hash text, token_ciphertext text);`);
    const templates = [];
    for (let k = 0; k < TEMPLATES; k += 1) {
      const report = reportTemplate(k + 1, now);
      templates.push({ kind: "report", k, results: report.results, snapshot: report.snapshot, runs: null });
      const schedule = scheduleTemplate(k + 1, now);
      templates.push({
        kind: "scheduled",
        k,
        results: null,
        snapshot: schedule.snapshot,
        runs: schedule.runs.map((run) => ({
          status: run.status,
          started_at: run.startedAt.toISOString(),
          completed_at: run.completedAt.toISOString(),
          results: run.results,
        })),
      });
    }
    await sql`
      insert into bench_load.tpl (kind, k, results, snapshot, runs)
      select kind, k, results, snapshot, runs
      from jsonb_to_recordset(${JSON.stringify(templates)}::text::jsonb)
        as x(kind text, k int, results jsonb, snapshot jsonb, runs jsonb)`;
    steps.tick();

    await sql`
      create unlogged table bench_load.brand as
      select b, gen_random_uuid() as id from generate_series(0, ${brandCount - 1}::int) b`;
    await sql`
      insert into brands (id, name, white_label, created_at)
      select id, 'Bench Brand ' || b,
        case when b % 2 = 0
          then jsonb_build_object('company_name', 'Bench Brand ' || b || ' Inc.', 'primary_color', '#0F766E',
            'logo_url', 'https://cdn.example.com/logos/' || b || '.png')
        end,
        ${nowIso}::timestamptz - interval '400 days'
      from bench_load.brand`;
    await sql`
      create unlogged table bench_load.usr as
      select b.b, u, gen_random_uuid() as id, b.id as brand_id
      from bench_load.brand b cross join generate_series(0, ${ACTIVE_SHARES_PER_RESOURCE - 1}::int) u`;
    await sql`
      insert into users (id, brand_id, email, name, role, created_at)
      select id, brand_id, 'user' || u || '@brand' || b || '.bench.test', 'Bench User ' || u,
        (case when u = 0 then 'manager' else 'member' end)::user_role,
        ${nowIso}::timestamptz - interval '300 days'
      from bench_load.usr`;
    steps.tick();

    await sql`
      create unlogged table bench_load.res as
      select r, r / ${RESOURCES_PER_BRAND}::int as b,
        (case when r % ${RESOURCES_PER_BRAND}::int >= ${SCHEDULED_FROM}::int then 'scheduled' else 'report' end)::share_resource_type as kind,
        gen_random_uuid() as id, r % ${TEMPLATES}::int as k,
        null::uuid as brand_id, null::uuid as created_by, null::text as title, null::jsonb as snapshot
      from generate_series(0, ${resources - 1}::int) r`;
    await sql`
      update bench_load.res r set brand_id = b.id, created_by = u.id,
        title = case when r.kind = 'report'
          then 'AI visibility report #' || r.r || ' (brand ' || r.b || ')'
          else 'Weekly AI visibility #' || r.r || ' (brand ' || r.b || ')' end
      from bench_load.brand b, bench_load.usr u
      where b.b = r.b and u.b = r.b and u.u = 0`;
    await sql`
      update bench_load.res r set snapshot = jsonb_set(t.snapshot, '{title}', to_jsonb(r.title))
      from bench_load.tpl t where t.kind = r.kind::text and t.k = r.k`;
    await sql`create unique index on bench_load.res (r)`;
    steps.tick();

    await sql`
      insert into reports (id, brand_id, title, status, created_by, created_at, completed_at, results)
      select r.id, r.brand_id, r.title, 'completed', r.created_by,
        (t.snapshot->>'generated_at')::timestamptz - interval '1 hour', (t.snapshot->>'generated_at')::timestamptz,
        t.results
      from bench_load.res r join bench_load.tpl t on t.kind = 'report' and t.k = r.k
      where r.kind = 'report'`;
    steps.tick();
    await sql`
      insert into scheduled_reports (id, brand_id, name, cadence, created_by, created_at)
      select r.id, r.brand_id, r.title, 'weekly', r.created_by, ${nowIso}::timestamptz - interval '60 days'
      from bench_load.res r where r.kind = 'scheduled'`;
    await sql`
      insert into report_runs (id, scheduled_report_id, status, started_at, completed_at, results)
      select gen_random_uuid(), r.id, (run->>'status')::run_status, (run->>'started_at')::timestamptz,
        (run->>'completed_at')::timestamptz, run->'results'
      from bench_load.res r
        join bench_load.tpl t on t.kind = 'scheduled' and t.k = r.k
        cross join lateral jsonb_array_elements(t.runs) run
      where r.kind = 'scheduled'`;
    steps.tick();

    // Bulk-load layout: off with the shares table's indexes and keys until the rows are in.
    for (const r of ddl.referencing)
      await sql.unsafe(`alter table ${r.table} drop constraint ${ident(r.name)}`);
    for (const c of ddl.constraints) await sql.unsafe(`alter table shares drop constraint ${ident(c.name)}`);
    for (const index of ddl.indexes) await sql.unsafe(`drop index ${index.name}`);
    steps.tick();
    steps.finish();

    // Tokens are minted, hashed and encrypted in Node and streamed with COPY, a
    // chunk at a time; while Node works on the next chunk, PostgreSQL turns the
    // previous one into shares on the other connection (INSERT ... SELECT).
    await sql`create unique index on bench_load.tok (i)`;
    const cipher = createAesGcmTokenCipher(options.shareTokenSecret);
    const pick = prng(0x5eed);
    const sampleChance = Math.min(1, (options.sampleSize / shares) * (20 / 19));
    const sample: string[] = [];
    const sharesBar = new ProgressBar("shares", shares, " inserted");
    let copied = 0;
    const insertRange = async (a: number, b: number) => {
      await sql`
        insert into shares (id, brand_id, owner_id, resource_type, report_id, scheduled_report_id,
          token_hash, token_ciphertext, snapshot, white_label, created_at, updated_at, expires_at)
        select gen_random_uuid(), r.brand_id, u.id, r.kind,
          case when r.kind = 'report' then r.id end,
          case when r.kind = 'scheduled' then r.id end,
          t.token_hash, t.token_ciphertext, r.snapshot,
          case when t.i % 10 = 3
            then '{"company_name": "Partner Edition", "primary_color": "#B45309", "hide_powered_by": true}'::jsonb
          end,
          ${nowIso}::timestamptz - make_interval(days => 1 + t.i % 300),
          ${nowIso}::timestamptz - make_interval(days => 1 + t.i % 300),
          case when t.i % 20 = 7
            then ${nowIso}::timestamptz - make_interval(days => 1 + t.i % 30)
            else ${nowIso}::timestamptz + make_interval(days => 1 + t.i % 365)
          end
        from bench_load.tok t
          join bench_load.res r on r.r = t.i / ${ACTIVE_SHARES_PER_RESOURCE}::int
          join bench_load.usr u on u.b = r.b and u.u = t.i % ${ACTIVE_SHARES_PER_RESOURCE}::int
        where t.i >= ${a}::int and t.i < ${b}::int`;
      sharesBar.tick(b - a);
    };
    const CHUNK = Math.max(10_000, Math.min(50_000, Math.ceil(shares / 20)));
    const BATCH = 2048;
    const inFlight = new Set<Promise<void>>();
    const jobs: Promise<void>[] = [];
    for (let chunkStart = 0; chunkStart < shares; chunkStart += CHUNK) {
      const chunkEnd = Math.min(shares, chunkStart + CHUNK);
      const copy = await sql`copy bench_load.tok (i, token_hash, token_ciphertext) from stdin`.writable();
      for (let start = chunkStart; start < chunkEnd; start += BATCH) {
        const count = Math.min(BATCH, chunkEnd - start);
        const entropy = randomBytes(32 * count);
        let lines = "";
        for (let k = 0; k < count; k += 1) {
          const i = start + k;
          const token = entropy.subarray(k * 32, k * 32 + 32).toString("base64url");
          lines += `${i}\t${hashToken(token)}\t${cipher.encrypt(token)}\n`;
          if (!isExpiredIndex(i) && sample.length < options.sampleSize && pick() < sampleChance) {
            sample.push(token);
          }
        }
        if (!copy.write(lines)) await once(copy, "drain");
        copied += count;
        sharesBar.setNote(`(tokens copied: ${copied.toLocaleString("en-US")})`);
      }
      copy.end();
      await once(copy, "finish");
      // At most two INSERTs in flight, overlapping the next chunk's COPY.
      if (inFlight.size >= 2) await Promise.race(inFlight);
      const job: Promise<void> = insertRange(chunkStart, chunkEnd).finally(() => inFlight.delete(job));
      job.catch(() => {}); // surfaced by Promise.all below
      inFlight.add(job);
      jobs.push(job);
    }
    await Promise.all(jobs);
    sharesBar.setNote("");
    sharesBar.finish(`${sample.length.toLocaleString("en-US")} tokens sampled`);

    const rebuild = [
      ...ddl.constraints.map((c) => ({ kind: "c", ...c })),
      ...ddl.indexes.map((i) => ({ kind: "i", ...i })),
    ];
    const indexBar = new ProgressBar("keys and indexes", rebuild.length, " built");
    // The primary key first (alone), then the rest two at a time.
    const [primary, ...others] = rebuild;
    const apply = async (item: { kind: string; name: string; def: string }) => {
      if (item.kind === "c")
        await sql.unsafe(`alter table shares add constraint ${ident(item.name)} ${item.def}`);
      else await sql.unsafe(item.def);
      indexBar.tick();
    };
    if (primary) await apply(primary);
    let nextIndex = 0;
    const indexWorker = async () => {
      while (nextIndex < others.length) {
        const item = others[nextIndex] as { kind: string; name: string; def: string };
        nextIndex += 1;
        await apply(item);
      }
    };
    await Promise.all([indexWorker(), indexWorker()]);
    // The analytics tables are empty: their keys to shares come back at once.
    for (const r of ddl.referencing)
      await sql.unsafe(`alter table ${r.table} add constraint ${ident(r.name)} ${r.def}`);
    indexBar.finish();
    if ((await indexFingerprint(sql)) !== fingerprint) {
      throw new Error("shares indexes/constraints after the load differ from the migrated schema");
    }

    const writes = options.writeFixtures ? await loadWriteFixtures(sql, now, options.writeFixtures) : null;
    if (options.yardstickCopy) await copyForYardstick(sql);

    await sql.unsafe("drop schema bench_load cascade");
    const analyzeBar = new ProgressBar("analyze", 1, "");
    await sql`analyze`;
    analyzeBar.finish();

    // Sanity: the sampled tokens are found by core's hash, and they are active.
    const probe = sample.slice(0, 50).map((token) => hashToken(token));
    const [found] = await sql<{ n: number }[]>`
      select count(*)::int as n from shares where token_hash = any(${probe}::text[]) and expires_at > now()`;
    if (found?.n !== probe.length)
      throw new Error(`sample check failed: ${found?.n}/${probe.length} tokens found`);
    const [count] = await sql<{ n: number }[]>`select count(*)::int as n from shares`;
    if (count?.n !== shares) throw new Error(`expected ${shares} shares, found ${count?.n}`);
    const [size] = await sql<{ bytes: string }[]>`select pg_total_relation_size('shares')::text as bytes`;

    const loadSeconds = (performance.now() - started) / 1000;
    log(
      `   ${name}: ${shares.toLocaleString("en-US")} shares, ${brandCount} brands, ${resources} resources, ` +
        `shares table ${(Number(size?.bytes ?? 0) / 1e6).toFixed(0)} MB, loaded in ${loadSeconds.toFixed(1)} s`,
    );
    return {
      name,
      url,
      shares,
      sample,
      loadSeconds,
      sharesTableBytes: Number(size?.bytes ?? 0),
      writes,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
};
