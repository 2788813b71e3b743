import postgres from "postgres";
import type { BenchConfig } from "./config";
import { type ContentionTrial, contend } from "./contention";
import type { Dataset, WriteFixtures } from "./loader";
import { startCountingProxy } from "./pg-counting-proxy";
import { countRoundTrips, type RoundTripFigures, readOperations, writeOperations } from "./round-trips";
import { type ServerProcess, startShipped, startWriteYardstick, startYardstick } from "./servers";
import { stop, track } from "./tracked-servers";
import { YARDSTICK_SCHEMA } from "./yardstick-copy";

/**
 * Contention trials, shipped and write yardstick alternating, each on a fresh
 * schedule of its own.
 */
export const runContention = async (
  config: BenchConfig,
  servers: { shipped: ServerProcess; yardstick: ServerProcess },
  databaseUrl: string,
  fixtures: WriteFixtures,
): Promise<ContentionTrial[]> => {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const trials: ContentionTrial[] = [];
  try {
    const schedules = [...fixtures.contention.scheduleIds];
    for (let trial = 1; trial <= config.contentionTrials; trial += 1) {
      for (const [target, server] of [
        ["shipped", servers.shipped],
        ["yardstick", servers.yardstick],
      ] as const) {
        const scheduleId = schedules.shift();
        if (!scheduleId) throw new Error("not enough contention schedules");
        trials.push(
          await contend({
            target,
            baseUrl: server.baseUrl,
            sql,
            users: fixtures.contention.users,
            scheduleId,
            trial,
          }),
        );
      }
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  return trials;
};

/**
 * Round trips, statements and parses per request: each server in turn on a
 * counting proxy in front of PostgreSQL (lib/round-trips.ts), one request at a time.
 */
export const runRoundTrips = async (
  config: BenchConfig,
  big: Dataset,
  shippedOptions: { shareTokenSecret: string; adminToken: string },
): Promise<RoundTripFigures[]> => {
  if (!big.writes) return [];
  const target = new URL(big.url);
  const proxy = await startCountingProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(big.url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  const [shippedClient, yardstickClient] = big.writes.calibration.writers;
  if (!shippedClient || !yardstickClient) throw new Error("calibration clients missing");
  const figures: RoundTripFigures[] = [];
  try {
    const shipped = await track(
      startShipped({
        ...shippedOptions,
        databaseUrl: viaProxy.href,
        port: config.shippedPort + 2,
        label: "shipped-counted",
      }),
    );
    figures.push(
      ...(await countRoundTrips(proxy, "shipped", [
        ...readOperations(shipped.baseUrl, big.sample, true),
        ...writeOperations(shipped.baseUrl, shippedClient),
      ])),
    );
    await stop(shipped);
    const yardstick = await track(
      startYardstick({
        databaseUrl: viaProxy.href,
        port: config.yardstickPort + 2,
        label: "yardstick-counted",
        schema: YARDSTICK_SCHEMA,
      }),
    );
    figures.push(
      ...(await countRoundTrips(proxy, "yardstick", readOperations(yardstick.baseUrl, big.sample, false))),
    );
    await stop(yardstick);
    const writeYardstick = await track(
      startWriteYardstick({
        databaseUrl: viaProxy.href,
        port: config.writeYardstickPort + 2,
        shareTokenSecret: config.shareTokenSecret,
        label: "write-yardstick-counted",
      }),
    );
    figures.push(
      ...(await countRoundTrips(
        proxy,
        "yardstick",
        writeOperations(writeYardstick.baseUrl, yardstickClient),
      )),
    );
    await stop(writeYardstick);
  } finally {
    await proxy.close();
  }
  return figures;
};
