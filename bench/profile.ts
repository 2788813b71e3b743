import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, RESULTS_DIR, writeFixtureOptions } from "./lib/config";
import { renderProfile, summarizeProfile } from "./lib/cpu-profile";
import { runLoad } from "./lib/load-test";
import { dropDatabase, loadDataset } from "./lib/loader";
import { log } from "./lib/progress";
import { type ServerProcess, startShipped, startWriteYardstick, startYardstick } from "./lib/servers";
import { runWriteRounds, type WritePhaseName, type WriteTarget } from "./lib/writes";
import { YARDSTICK_SCHEMA } from "./lib/yardstick-copy";

/**
 * `pnpm --filter @sharelinks/bench profile`: the shipped server under
 * `node --cpu-prof`, one server process per scenario, and a summary of where
 * its CPU time went (by package, by function, inclusive). Profiles and
 * summaries land in bench/results/profiles/.
 *
 * BENCH_PROFILE_SCENARIOS=read,page,writes,yardstick,write-yardstick (default: all);
 * also one write phase alone: writes-create, writes-refresh, writes-extend and
 * write-yardstick-create, -refresh, -extend (creates run first for the other
 * two, and the profile summary leaves them out).
 * BENCH_PROFILE_SECONDS=15, BENCH_SHARES (default 1,000,000)
 */
const config = loadConfig();
const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 15);
const scenarios = (process.env.BENCH_PROFILE_SCENARIOS ?? "read,page,writes,yardstick,write-yardstick")
  .split(",")
  .map((s) => s.trim());
const root = path.join(RESULTS_DIR, "profiles");

const dataset = await loadDataset({
  maintenanceUrl: config.maintenanceUrl,
  ...config.mainDb,
  sampleSize: config.sampleSize,
  shareTokenSecret: config.shareTokenSecret,
  writeFixtures: writeFixtureOptions(config),
  yardstickCopy: true,
});

const profileOf = async (
  scenario: string,
  start: (dir: string) => Promise<ServerProcess>,
  /** May answer when the part to summarize began, in ms of `performance.now()`. */
  work: (s: ServerProcess) => Promise<unknown>,
) => {
  const dir = path.join(root, scenario);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`\n== profiling ${scenario}`);
  const server = await start(dir);
  const spawnedAt = performance.now() - server.startupMs;
  let skipMs = Math.max(0, server.startupMs - 200);
  try {
    const from = await work(server);
    if (typeof from === "number") skipMs = Math.max(skipMs, from - spawnedAt);
  } finally {
    await server.stop();
  }
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (1 is tsx's loader thread).
  const file = readdirSync(dir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  const text = renderProfile(
    `${scenario}: ${path.join(dir, file)} (the first ${Math.round(skipMs)} ms, start-up and set-up, left out)`,
    summarizeProfile(path.join(dir, file), 30, skipMs),
  );
  writeFileSync(path.join(root, `${scenario}.txt`), text);
  process.stdout.write(`${text}\n`);
};

const shipped = (dir: string) =>
  startShipped({
    databaseUrl: dataset.url,
    port: config.shippedPort,
    shareTokenSecret: config.shareTokenSecret,
    adminToken: config.adminToken,
    cpuProfileDir: dir,
    label: "shipped-profiled",
  });

const load = (route: (token: string) => string) => async (server: ServerProcess) => {
  const target = { name: "profiled", baseUrl: server.baseUrl, pid: server.pid, path: route };
  const run = await runLoad(target, {
    tokens: dataset.sample,
    connections: config.connections,
    seconds,
    round: 1,
  });
  log(
    `   ${run.reqPerSec.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, RSS ${run.rssMaxMb.toFixed(0)} MB`,
  );
};

try {
  if (scenarios.includes("read"))
    await profileOf(
      "read",
      shipped,
      load((t) => `/v1/shared/${t}`),
    );
  if (scenarios.includes("page"))
    await profileOf(
      "page",
      shipped,
      load((t) => `/shared/${t}`),
    );
  if (scenarios.includes("yardstick")) {
    await profileOf(
      "yardstick",
      (dir) =>
        startYardstick({
          databaseUrl: dataset.url,
          port: config.yardstickPort,
          cpuProfileDir: dir,
          schema: YARDSTICK_SCHEMA,
        }),
      load((t) => `/v1/shared/${t}`),
    );
  }
  /** The write yardstick under the profiler (the write scenarios' comparison). */
  const writeYardstick = (dir: string) =>
    startWriteYardstick({
      databaseUrl: dataset.url,
      port: config.writeYardstickPort,
      shareTokenSecret: config.shareTokenSecret,
      cpuProfileDir: dir,
    });
  /** Two short rounds of one server's writes, with no yardstick beside it. */
  const profiledWriteRounds = (
    target: WriteTarget,
    fixtures: NonNullable<typeof dataset.writes>,
    extra: Partial<Parameters<typeof runWriteRounds>[0]> = {},
  ) =>
    runWriteRounds({
      shipped: target,
      yardstick: null,
      fixtures,
      rounds: 2,
      roundSeconds: seconds / 2,
      warmupSeconds: 1,
      ...extra,
    });
  if (scenarios.includes("writes") && dataset.writes) {
    const fixtures = dataset.writes;
    await profileOf("writes", shipped, async (server) => {
      await profiledWriteRounds({ name: "shipped", baseUrl: server.baseUrl, pid: server.pid }, fixtures);
    });
  }
  if (scenarios.includes("write-yardstick") && dataset.writes) {
    const fixtures = dataset.writes;
    await profileOf("write-yardstick", writeYardstick, async (server) => {
      await profiledWriteRounds({ name: "yardstick", baseUrl: server.baseUrl, pid: server.pid }, fixtures);
    });
  }
  // Each write scenario creates on fresh reports of its own: a slice of every writer's.
  const writeScenarios = scenarios.filter((s) =>
    /^(writes|write-yardstick)-(create|refresh|extend)$/.test(s),
  );
  for (const [k, scenario] of writeScenarios.entries()) {
    const one = /^(writes|write-yardstick)-(create|refresh|extend)$/.exec(scenario);
    if (!one || !dataset.writes) continue;
    const all = dataset.writes;
    const slice = Math.floor((all.writers[0]?.reportIds.length ?? 0) / writeScenarios.length);
    const fixtures = {
      ...all,
      writers: all.writers.map((w) => ({ ...w, reportIds: w.reportIds.slice(k * slice, (k + 1) * slice) })),
    };
    const phase = one[2] as WritePhaseName;
    const start = one[1] === "writes" ? shipped : writeYardstick;
    await profileOf(scenario, start, async (server) => {
      let from: number | undefined;
      // Refresh and extend need shares: creates first (left out of the summary), then the phase.
      await profiledWriteRounds(
        { name: one[1] as string, baseUrl: server.baseUrl, pid: server.pid },
        fixtures,
        {
          phases: phase === "create" ? ["create"] : ["create", phase],
          onPhaseStart: (started) => {
            if (started === phase) from = performance.now();
          },
        },
      );
      return from;
    });
  }
} finally {
  if (!config.keepDatabases) await dropDatabase(config.maintenanceUrl, dataset.name);
}
