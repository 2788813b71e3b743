import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, RESULTS_DIR, writeFixtureOptions } from "./lib/config";
import { renderProfile, summarizeProfile } from "./lib/cpu-profile";
import { runLoad } from "./lib/load-test";
import { dropDatabase, loadDataset } from "./lib/loader";
import { log } from "./lib/progress";
import { type ServerProcess, startShipped, startWriteYardstick, startYardstick } from "./lib/servers";
import { runWriteRounds, type WriteTarget } from "./lib/writes";
import { YARDSTICK_SCHEMA } from "./lib/yardstick-copy";

/**
 * `pnpm --filter @sharelinks/bench profile`: the shipped server under
 * `node --cpu-prof`, one server process per scenario, and a summary of where
 * its CPU time went (by package, by function, inclusive). Profiles and
 * summaries land in bench/results/profiles/.
 *
 * BENCH_PROFILE_SCENARIOS=read,page,writes,yardstick,write-yardstick (default: all)
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
  work: (s: ServerProcess) => Promise<void>,
) => {
  const dir = path.join(root, scenario);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`\n== profiling ${scenario}`);
  const server = await start(dir);
  const skipMs = Math.max(0, server.startupMs - 200);
  try {
    await work(server);
  } finally {
    await server.stop();
  }
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (1 is tsx's loader thread).
  const file = readdirSync(dir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  const text = renderProfile(
    `${scenario}: ${path.join(dir, file)} (start-up, ${Math.round(skipMs)} ms, left out)`,
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
  if (scenarios.includes("writes") && dataset.writes) {
    const fixtures = dataset.writes;
    await profileOf("writes", shipped, async (server) => {
      const target: WriteTarget = { name: "shipped", baseUrl: server.baseUrl, pid: server.pid };
      await runWriteRounds({
        shipped: target,
        yardstick: null,
        fixtures,
        rounds: 2,
        roundSeconds: seconds / 2,
        warmupSeconds: 1,
      });
    });
  }
  if (scenarios.includes("write-yardstick") && dataset.writes) {
    const fixtures = dataset.writes;
    await profileOf(
      "write-yardstick",
      (dir) =>
        startWriteYardstick({
          databaseUrl: dataset.url,
          port: config.writeYardstickPort,
          shareTokenSecret: config.shareTokenSecret,
          cpuProfileDir: dir,
        }),
      async (server) => {
        const target: WriteTarget = { name: "yardstick", baseUrl: server.baseUrl, pid: server.pid };
        await runWriteRounds({
          shipped: target,
          yardstick: null,
          fixtures,
          rounds: 2,
          roundSeconds: seconds / 2,
          warmupSeconds: 1,
        });
      },
    );
  }
} finally {
  if (!config.keepDatabases) await dropDatabase(config.maintenanceUrl, dataset.name);
}
