import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import {
  type BenchConfig,
  loadConfig,
  REPO_DIR,
  SHIPPED_POOL_SIZE,
  WEB_DIR,
  writeFixtureOptions,
} from "./lib/config";
import type { DbBackends } from "./lib/cpu";
import { interleave, type LoadTarget, type RunFigures } from "./lib/load-test";
import { type Dataset, dropDatabase, loadDataset } from "./lib/loader";
import { gitInfo, loadAverage, machineInfo } from "./lib/machine";
import { log } from "./lib/progress";
import { renderMarkdown, writeResults } from "./lib/report";
import { type BenchResults, compare } from "./lib/results";
import type { RoundTripFigures } from "./lib/round-trips";
import { type ServerProcess, startShipped, startWriteYardstick, startYardstick } from "./lib/servers";
import { evaluateTargets } from "./lib/targets";
import { stop, stopAll, track } from "./lib/tracked-servers";
import { checkViewCounts } from "./lib/view-count-check";
import { runContention, runRoundTrips } from "./lib/write-bench";
import { runWriteRounds } from "./lib/writes";
import { YARDSTICK_SCHEMA } from "./lib/yardstick-copy";

/**
 * `pnpm bench`: load, then measure the shipped server against the yardstick.
 * See bench/README.md for what each figure means.
 */

const started = performance.now();

/**
 * The shipped server is the production build: `.next` plus the bundled entry
 * `dist/server.mjs`. Build it when either is missing (or BENCH_BUILD=1).
 */
const ensureBuild = () => {
  const built = [".next/BUILD_ID", "dist/server.mjs"].every((file) => existsSync(path.join(WEB_DIR, file)));
  if (built && process.env.BENCH_BUILD !== "1") return;
  log("== building apps/web (no production build yet)");
  const result = spawnSync("pnpm", ["--filter", "@sharelinks/web", "build"], {
    cwd: REPO_DIR,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (result.status !== 0)
    throw new Error("the apps/web build failed; the shipped server cannot be benchmarked");
};

let monitor: postgres.Sql | null = null;

/** The server's database backends, told apart by the application_name each pool sets. */
const applicationNameOf = (server: ServerProcess) =>
  server.name.startsWith("write-yardstick")
    ? "sharelinks-write-yardstick"
    : server.name.startsWith("yardstick")
      ? "sharelinks-yardstick"
      : "sharelinks";

const backends = (server: ServerProcess, database: string): DbBackends | undefined =>
  monitor ? { monitor, database, applicationName: applicationNameOf(server) } : undefined;

const jsonRead = (server: ServerProcess, name: string, database: string): LoadTarget => ({
  name,
  baseUrl: server.baseUrl,
  pid: server.pid,
  path: (token) => `/v1/shared/${token}`,
  db: backends(server, database),
});

const pageRead = (server: ServerProcess, name: string, database: string): LoadTarget => ({
  name,
  baseUrl: server.baseUrl,
  pid: server.pid,
  path: (token) => `/shared/${token}`,
  db: backends(server, database),
});

/** The comparison is only fair if both servers answer the same bytes. */
const checkSameBodies = async (
  shipped: ServerProcess,
  yardstick: ServerProcess,
  tokens: readonly string[],
) => {
  for (const token of tokens.slice(0, 20)) {
    const [a, b] = await Promise.all(
      [shipped, yardstick].map(async (server) => {
        const response = await fetch(`${server.baseUrl}/v1/shared/${token}`);
        return `${response.status} ${await response.text()}`;
      }),
    );
    if (a !== b)
      throw new Error(`shipped and yardstick disagree on a token:\n${a?.slice(0, 400)}\n${b?.slice(0, 400)}`);
  }
  log("   shipped and yardstick answer byte-identical bodies (20 tokens checked)");
};

const main = async (config: BenchConfig) => {
  const machine = await machineInfo(config.maintenanceUrl);
  const git = gitInfo();
  log(
    `sharelinks bench: ${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.postgres}, ` +
      `load average ${machine.loadAverageAtStart}`,
  );
  ensureBuild();
  monitor = postgres(config.maintenanceUrl, { max: 1, onnotice: () => {} });

  const big: Dataset = await loadDataset({
    maintenanceUrl: config.maintenanceUrl,
    ...config.mainDb,
    sampleSize: config.sampleSize,
    shareTokenSecret: config.shareTokenSecret,
    writeFixtures: writeFixtureOptions(config),
    yardstickCopy: true,
  });
  const small: Dataset = await loadDataset({
    maintenanceUrl: config.maintenanceUrl,
    ...config.smallDb,
    sampleSize: config.sampleSize,
    shareTokenSecret: config.shareTokenSecret,
    yardstickCopy: true,
  });

  const profileDir = config.cpuProfile ? path.join(REPO_DIR, "bench", "results", "profiles") : undefined;
  const shippedOptions = {
    shareTokenSecret: config.shareTokenSecret,
    adminToken: config.adminToken,
    ...(profileDir !== undefined && { cpuProfileDir: profileDir }),
  };

  log(
    "\n== starting servers: shipped and yardstick on the 1M and on the 10k database, and shipped at LOG_LEVEL=warn on the 1M",
  );
  const shipped = await track(
    startShipped({ ...shippedOptions, databaseUrl: big.url, port: config.shippedPort, label: "shipped-1M" }),
  );
  const yardstick = await track(
    startYardstick({
      databaseUrl: big.url,
      port: config.yardstickPort,
      label: "yardstick-1M",
      schema: YARDSTICK_SCHEMA,
    }),
  );
  const shippedSmall = await track(
    startShipped({
      ...shippedOptions,
      databaseUrl: small.url,
      port: config.shippedPort + 2,
      label: "shipped-10k",
    }),
  );
  const yardstickSmall = await track(
    startYardstick({
      databaseUrl: small.url,
      port: config.yardstickPort + 2,
      label: "yardstick-10k",
      schema: YARDSTICK_SCHEMA,
    }),
  );
  // Same build, same database, LOG_LEVEL=warn: what the per-request log line costs, measured in the same rounds.
  const shippedQuiet = config.measureQuietLogs
    ? await track(
        startShipped({
          ...shippedOptions,
          databaseUrl: big.url,
          port: config.shippedPort + 4,
          label: "shipped-1M-warn",
          logLevel: "warn",
        }),
      )
    : null;

  await checkSameBodies(shipped, yardstick, big.sample);

  const loadSettings = {
    connections: config.connections,
    seconds: config.roundSeconds,
    warmupSeconds: config.warmupSeconds,
    rounds: config.rounds,
  };
  const tokensOf = (target: LoadTarget) => (target.name.endsWith("10k") ? small.sample : big.sample);

  log(
    `\n== public read GET /v1/shared/{token}: ${config.connections} connections, 1M and 10k shares, ` +
      `${config.rounds} interleaved rounds of ${config.roundSeconds} s (load average ${loadAverage()})`,
  );
  const [s1m, y1m, s10k, y10k, warn] = (await interleave(
    [
      jsonRead(shipped, "shipped-1M", big.name),
      jsonRead(yardstick, "yardstick-1M", big.name),
      jsonRead(shippedSmall, "shipped-10k", small.name),
      jsonRead(yardstickSmall, "yardstick-10k", small.name),
      ...(shippedQuiet ? [jsonRead(shippedQuiet, "shipped-1M-warn", big.name)] : []),
    ],
    { ...loadSettings, tokens: tokensOf },
  )) as [RunFigures[], RunFigures[], RunFigures[], RunFigures[], RunFigures[] | undefined];
  await stop(shippedSmall);
  await stop(yardstickSmall);
  if (shippedQuiet) await stop(shippedQuiet);

  log("\n== views recorded == 2xx served (10k shares, own server, fixed request count, graceful stop)");
  const viewCounts = await checkViewCounts({
    start: () =>
      track(
        startShipped({
          ...shippedOptions,
          databaseUrl: small.url,
          port: config.shippedPort + 6,
          label: "shipped-10k-count",
        }),
      ),
    stop,
    databaseUrl: small.url,
    tokens: small.sample,
    requests: config.viewCheckRequests,
    connections: config.connections,
  });

  log(
    `\n== public page GET /shared/{token} (HTML) against the same server's JSON read, 1M shares (load average ${loadAverage()})`,
  );
  const [page, pageJson] = (await interleave(
    [pageRead(shipped, "shipped-page", big.name), jsonRead(shipped, "shipped-1M-json", big.name)],
    { ...loadSettings, tokens: tokensOf },
  )) as [RunFigures[], RunFigures[]];
  await stop(yardstick);

  if (!big.writes) throw new Error("write fixtures missing");
  log(
    `\n== writes through the REST API: ${config.writeClients} clients, shipped and write yardstick in ` +
      `${config.writeRounds} alternating rounds of ${config.writeRoundSeconds} s per phase (load average ${loadAverage()})`,
  );
  const writeYardstick = await track(
    startWriteYardstick({
      databaseUrl: big.url,
      port: config.writeYardstickPort,
      shareTokenSecret: config.shareTokenSecret,
      label: "write-yardstick",
    }),
  );
  const writePhases = await runWriteRounds({
    shipped: { name: "shipped", baseUrl: shipped.baseUrl, pid: shipped.pid, db: backends(shipped, big.name) },
    yardstick: {
      name: "yardstick",
      baseUrl: writeYardstick.baseUrl,
      pid: writeYardstick.pid,
      db: backends(writeYardstick, big.name),
    },
    fixtures: big.writes,
    rounds: config.writeRounds,
    roundSeconds: config.writeRoundSeconds,
    warmupSeconds: Math.min(2, config.warmupSeconds),
  });
  log(
    `\n== contention: ${config.contenders} creators on one schedule, ${config.contentionTrials} trials each, ` +
      "shipped and write yardstick alternating",
  );
  const contention = await runContention(config, { shipped, yardstick: writeYardstick }, big.url, big.writes);
  const loadAverageAtEnd = loadAverage();

  await stop(shipped);
  await stop(writeYardstick);

  let roundTrips: RoundTripFigures[] = [];
  if (config.countRoundTrips) {
    log(
      "\n== round trips per request: each server on a counting proxy in front of PostgreSQL, one request at a time",
    );
    roundTrips = await runRoundTrips(config, big, shippedOptions);
  }

  const allShipped = [...s1m, ...s10k, ...page, ...pageJson, ...(warn ?? [])];
  const partial: Omit<BenchResults, "targets" | "runtimeSeconds"> = {
    date: new Date().toISOString(),
    git,
    machine: { ...machine, loadAverageAtEnd },
    settings: {
      connections: config.connections,
      rounds: config.rounds,
      roundSeconds: config.roundSeconds,
      warmupSeconds: config.warmupSeconds,
      sampleTokens: big.sample.length,
      poolSize: SHIPPED_POOL_SIZE,
      shippedLogLevel: "info (the default)",
      rateLimits:
        "RATE_LIMIT_PER_MINUTE and PUBLIC_RATE_LIMIT_PER_MINUTE raised to 100,000,000 so nothing is answered 429 (the limiter still counts every request)",
      writeClients: config.writeClients,
      writeRounds: config.writeRounds,
      writeRoundSeconds: config.writeRoundSeconds,
    },
    load: [big, small].map((d) => ({
      database: d.name,
      shares: d.shares,
      seconds: Math.round(d.loadSeconds * 10) / 10,
      sharesTableMb: Math.round(d.sharesTableBytes / 1e6),
    })),
    read1M: compare({ a: s1m, b: y1m }),
    read10k: compare({ a: s10k, b: y10k }),
    readQuietLogs: warn ? compare({ a: warn, b: y1m }) : null,
    loggingCost: warn ? compare({ a: s1m, b: warn }) : null,
    page: compare({ a: page, b: pageJson }),
    writes: { phases: writePhases, contention },
    roundTrips,
    viewCounts,
    shippedRssMaxMb: Math.round(Math.max(0, ...allShipped.map((r) => r.rssMaxMb))),
  };

  await monitor?.end({ timeout: 5 });
  monitor = null;
  if (!config.keepDatabases) {
    await dropDatabase(config.maintenanceUrl, big.name);
    await dropDatabase(config.maintenanceUrl, small.name);
  }

  const results: BenchResults = {
    ...partial,
    targets: evaluateTargets(partial),
    runtimeSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  const files = writeResults(results);
  process.stdout.write(`\n${renderMarkdown(results)}\n\n`);
  log(`wrote ${path.relative(REPO_DIR, files.json)} and ${path.relative(REPO_DIR, files.markdown)}`);
  log(`pnpm bench finished in ${(results.runtimeSeconds / 60).toFixed(1)} min`);
};

const config = loadConfig();
const interrupt = (signal: NodeJS.Signals) => {
  log(`\n${signal}: stopping the servers`);
  void stopAll().finally(() => process.exit(130));
};
process.once("SIGINT", interrupt);
process.once("SIGTERM", interrupt);

main(config).catch(async (error: unknown) => {
  log(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopAll();
  process.exit(1);
});
