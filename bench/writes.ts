import postgres from "postgres";
import { loadConfig, writeFixtureOptions } from "./lib/config";
import { dropDatabase, loadDataset } from "./lib/loader";
import { log } from "./lib/progress";
import { startShipped, startWriteYardstick } from "./lib/servers";
import { stop, stopAll, track } from "./lib/tracked-servers";
import { runContention, runRoundTrips } from "./lib/write-bench";
import { runWriteRounds } from "./lib/writes";

/**
 * `pnpm --filter @sharelinks/bench writes`: only the write phases of `pnpm bench`
 * (create, refresh, extend against the write yardstick, the round trips per
 * request and the contention trials), on a smaller database by default
 * (BENCH_SHARES=100000), for working on the write path. `pnpm bench` stays the
 * figure of record.
 */
const config = loadConfig();
const shares = Number(process.env.BENCH_SHARES ?? 100_000);
const big = await loadDataset({
  maintenanceUrl: config.maintenanceUrl,
  ...config.mainDb,
  shares,
  sampleSize: Math.min(config.sampleSize, 2_000),
  shareTokenSecret: config.shareTokenSecret,
  writeFixtures: writeFixtureOptions(config),
  yardstickCopy: false,
});
if (!big.writes) throw new Error("write fixtures missing");
const shippedOptions = { shareTokenSecret: config.shareTokenSecret, adminToken: config.adminToken };
try {
  const shipped = await track(
    startShipped({ ...shippedOptions, databaseUrl: big.url, port: config.shippedPort, label: "shipped" }),
  );
  const yardstick = await track(
    startWriteYardstick({
      databaseUrl: big.url,
      port: config.writeYardstickPort,
      shareTokenSecret: config.shareTokenSecret,
      label: "write-yardstick",
    }),
  );
  const phases = await runWriteRounds({
    shipped: { name: "shipped", baseUrl: shipped.baseUrl, pid: shipped.pid },
    yardstick: { name: "yardstick", baseUrl: yardstick.baseUrl, pid: yardstick.pid },
    fixtures: big.writes,
    rounds: config.writeRounds,
    roundSeconds: config.writeRoundSeconds,
    warmupSeconds: Math.min(2, config.warmupSeconds),
  });
  const contention = await runContention(config, { shipped, yardstick }, big.url, big.writes);
  await stop(shipped);
  await stop(yardstick);
  // BENCH_LOG_STATEMENTS=1: the counted servers' statements go to PostgreSQL's own log, to read what each request sends.
  if (process.env.BENCH_LOG_STATEMENTS === "1") {
    const admin = postgres(config.maintenanceUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`alter database ${config.mainDb.name} set log_statement = 'all'`);
    await admin.end();
  }
  const roundTrips = config.countRoundTrips ? await runRoundTrips(config, big, shippedOptions) : [];
  log("\n== summary (shipped / yardstick, medians of per-round ratios)");
  for (const p of phases)
    log(
      `   ${p.phase.padEnd(8)} ${p.shipped.reqPerSec.toFixed(0)} / ${p.yardstick.reqPerSec.toFixed(0)} req/s = ` +
        `${p.ratio.reqPerSec.toFixed(2)}x   p99 ${p.shipped.p99.toFixed(0)} / ${p.yardstick.p99.toFixed(0)} ms = ` +
        `${p.ratio.p99.toFixed(2)}x   CPU/req ${p.shipped.serverCpuUs} / ${p.yardstick.serverCpuUs} us`,
    );
  for (const r of roundTrips) log(`   ${JSON.stringify(r)}`);
  for (const t of contention) log(`   ${JSON.stringify(t)}`);
} finally {
  await stopAll();
  if (!config.keepDatabases) await dropDatabase(config.maintenanceUrl, config.mainDb.name);
}
