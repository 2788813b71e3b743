import { randomBytes } from "node:crypto";
import { API_KEY_PREFIX, apiKeyDisplayPrefix, hashSecret } from "@sharelinks/core";
import type postgres from "postgres";
import { TEMPLATES } from "./fixtures";
import { ProgressBar } from "./progress";

export interface Writer {
  userId: string;
  apiKey: string;
  /** Fresh completed reports nobody has shared yet, one per create. */
  reportIds: string[];
}

export interface Calibration {
  /** One client per server counted, each with fresh reports of its own. */
  writers: Writer[];
}

export interface WriteFixtures {
  brandId: string;
  writers: Writer[];
  /** One schedule per contention trial, each with completed runs and no share yet. */
  contention: { scheduleIds: string[]; brandId: string; users: { userId: string; apiKey: string }[] };
  /** Clients of the round-trip count (lib/round-trips.ts). */
  calibration: Calibration;
}

export interface WriteFixtureOptions {
  clients: number;
  /** Fresh reports per client: one per create, over every create round of both servers. */
  reportsPerClient: number;
  contenders: number;
  contentionTrials: number;
  /** Clients (and fresh reports each) for the round-trip count. */
  calibrationClients: number;
  calibrationReports: number;
}

const mintApiKey = () => `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;

/**
 * Tenants for the write benchmark, provisioned directly in SQL with API keys
 * stored as core's hashSecret(key): a writers' brand whose users each get their
 * own fresh completed reports, and a contention brand of `contenders` users
 * sharing one schedule.
 */
export const loadWriteFixtures = async (
  sql: postgres.Sql,
  now: Date,
  options: WriteFixtureOptions,
): Promise<WriteFixtures> => {
  const bar = new ProgressBar("write-bench tenants", 4, " steps");
  const nowIso = now.toISOString();
  const brandOf = async (label: string) => {
    const [row] = await sql<{ id: string }[]>`
      insert into brands (name, white_label) values (${label}, ${JSON.stringify({ primary_color: "#1D4ED8" })}::text::jsonb)
      returning id`;
    return (row as { id: string }).id;
  };
  const usersOf = async (brandId: string, prefix: string, count: number) => {
    const keys = Array.from({ length: count }, () => mintApiKey());
    const rows = await sql<{ id: string; n: number }[]>`
      insert into users (brand_id, email, name, role)
      select ${brandId}::uuid, ${prefix} || n || '@bench.test', 'Bench ' || ${prefix} || ' ' || n, 'member'
      from generate_series(0, ${count - 1}::int) n
      returning id, (regexp_match(email, '(\\d+)@'))[1]::int as n`;
    const ordered = [...rows].sort((a, b) => a.n - b.n);
    const payload = ordered.map((row, k) => ({
      user_id: row.id,
      prefix: apiKeyDisplayPrefix(keys[k] as string),
      key_hash: hashSecret(keys[k] as string),
    }));
    await sql`
      insert into api_keys (user_id, brand_id, name, prefix, key_hash)
      select user_id, ${brandId}::uuid, 'bench', prefix, key_hash
      from jsonb_to_recordset(${JSON.stringify(payload)}::text::jsonb) as x(user_id uuid, prefix text, key_hash text)`;
    return ordered.map((row, k) => ({ userId: row.id, apiKey: keys[k] as string }));
  };

  /** `perUser` fresh completed reports for each user, in the writers' brand. */
  const reportsFor = async (
    brandId: string,
    users: { userId: string; apiKey: string }[],
    perUser: number,
  ) => {
    const rows = await sql<{ id: string; n: number }[]>`
      insert into reports (brand_id, title, status, created_by, created_at, completed_at, results)
      select ${brandId}::uuid, 'Write bench report ' || n, 'completed',
        (${users.map((u) => u.userId)}::uuid[])[1 + n % ${users.length}::int],
        ${nowIso}::timestamptz - interval '2 days', ${nowIso}::timestamptz - interval '1 day',
        (select results from bench_load.tpl where kind = 'report' and k = n % ${TEMPLATES}::int)
      from generate_series(0, ${users.length * perUser - 1}::int) n
      returning id, (regexp_match(title, '(\\d+)$'))[1]::int as n`;
    const writers: Writer[] = users.map((user) => ({ ...user, reportIds: [] }));
    for (const row of [...rows].sort((a, b) => a.n - b.n)) {
      (writers[row.n % users.length] as Writer).reportIds.push(row.id);
    }
    return writers;
  };

  const writersBrand = await brandOf("Bench Writers");
  const writerUsers = await usersOf(writersBrand, "writer", options.clients);
  bar.tick();
  const writers = await reportsFor(writersBrand, writerUsers, options.reportsPerClient);
  bar.tick();
  const calibrationUsers = await usersOf(writersBrand, "calibration", options.calibrationClients);
  const calibration = {
    writers: await reportsFor(writersBrand, calibrationUsers, options.calibrationReports),
  };
  bar.tick();

  const contentionBrand = await brandOf("Bench Contention");
  const contenders = await usersOf(contentionBrand, "contender", options.contenders);
  const scheduleIds: string[] = [];
  for (let trial = 0; trial < options.contentionTrials; trial += 1) {
    const [schedule] = await sql<{ id: string }[]>`
      insert into scheduled_reports (brand_id, name, cadence, created_by)
      values (${contentionBrand}::uuid, ${`Contended weekly schedule ${trial + 1}`}, 'weekly',
        ${(contenders[0] as { userId: string }).userId}::uuid)
      returning id`;
    const scheduleId = (schedule as { id: string }).id;
    await sql`
      insert into report_runs (scheduled_report_id, status, started_at, completed_at, results)
      select ${scheduleId}::uuid, (run->>'status')::run_status, (run->>'started_at')::timestamptz,
        (run->>'completed_at')::timestamptz, run->'results'
      from bench_load.tpl t cross join lateral jsonb_array_elements(t.runs) run
      where t.kind = 'scheduled' and t.k = ${trial}::int`;
    scheduleIds.push(scheduleId);
  }
  bar.tick();
  bar.finish();
  return {
    brandId: writersBrand,
    writers,
    contention: { scheduleIds, brandId: contentionBrand, users: contenders },
    calibration,
  };
};
