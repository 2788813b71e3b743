import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = path.resolve(BENCH_DIR, "..");
export const WEB_DIR = path.join(REPO_DIR, "apps", "web");
export const RESULTS_DIR = path.join(BENCH_DIR, "results");

/** The shipped server's pool size: `createDb()`'s default, which the server entry does not override. */
export const SHIPPED_POOL_SIZE = 10;

export interface BenchConfig {
  /** DATABASE_URL as given: only used to create and drop the bench databases. */
  maintenanceUrl: string;
  /** The 1,000,000-share database (dropped and recreated on every run). */
  mainDb: { name: string; url: string; shares: number };
  /** The 10,000-share database for the size-independence run. */
  smallDb: { name: string; url: string; shares: number };
  /** Plaintext tokens kept in memory for the read test, spread over the whole table. */
  sampleSize: number;
  connections: number;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  writeClients: number;
  /** Alternating rounds per write phase, shipped and write yardstick each. */
  writeRounds: number;
  writeRoundSeconds: number;
  /** Fresh reports provisioned per write client: one per create, over all create rounds. */
  writeReportsPerClient: number;
  contenders: number;
  /** Contention trials per server (shipped, then the write yardstick, alternating). */
  contentionTrials: number;
  /** Count round trips per request through a counting proxy (lib/round-trips.ts). */
  countRoundTrips: boolean;
  /** Requests of the views == 2xx check (fixed count, not a timed run). */
  viewCheckRequests: number;
  shippedPort: number;
  yardstickPort: number;
  writeYardstickPort: number;
  /** Extra pair of rounds with the shipped server at LOG_LEVEL=warn, to price its request logging. */
  measureQuietLogs: boolean;
  /** Runs the shipped server under `node --cpu-prof` and writes the profiles to bench/results/profiles. */
  cpuProfile: boolean;
  keepDatabases: boolean;
  shareTokenSecret: string;
  adminToken: string;
}

const intEnv = (name: string, fallback: number, min = 1): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
};

const flagEnv = (name: string, fallback: boolean): boolean => {
  const raw = process.env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  return raw === "1" || raw === "true" || raw === "yes";
};

const withDatabase = (url: URL, name: string): string => {
  const copy = new URL(url.href);
  copy.pathname = `/${name}`;
  return copy.href;
};

export const loadConfig = (): BenchConfig => {
  const raw = process.env.DATABASE_URL?.trim();
  if (!raw || !/^postgres(ql)?:\/\//.test(raw)) {
    throw new Error(
      "DATABASE_URL must point at a PostgreSQL server (postgres://user@host:port/db); the bench creates its own databases there.",
    );
  }
  const url = new URL(raw);
  const base = process.env.BENCH_DB_NAME?.trim() || "sharelinks_bench";
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(base))
    throw new Error(`BENCH_DB_NAME "${base}" is not a plain identifier`);
  const mainName = base;
  const smallName = `${base}_10k`;
  // The maintenance connection must not sit on a database the bench is about to drop.
  const given = decodeURIComponent(url.pathname.replace(/^\//, ""));
  const maintenanceUrl = given === mainName || given === smallName ? withDatabase(url, "postgres") : url.href;

  return {
    maintenanceUrl,
    mainDb: {
      name: mainName,
      url: withDatabase(url, mainName),
      shares: intEnv("BENCH_SHARES", 1_000_000, 1000),
    },
    smallDb: {
      name: smallName,
      url: withDatabase(url, smallName),
      shares: intEnv("BENCH_SMALL_SHARES", 10_000, 1000),
    },
    sampleSize: intEnv("BENCH_SAMPLE", 20_000, 100),
    connections: intEnv("BENCH_CONNECTIONS", 50),
    // Many short interleaved rounds rather than a few long ones: on a shared machine the
    // noise comes in bursts of seconds, and adjacent short runs see the same bursts.
    rounds: intEnv("BENCH_ROUNDS", 8, 3),
    roundSeconds: intEnv("BENCH_ROUND_SECONDS", 4),
    warmupSeconds: intEnv("BENCH_WARMUP_SECONDS", 3, 0),
    writeClients: intEnv("BENCH_WRITE_CLIENTS", 50),
    writeRounds: intEnv("BENCH_WRITE_ROUNDS", 6, 2),
    writeRoundSeconds: intEnv("BENCH_WRITE_ROUND_SECONDS", 3),
    writeReportsPerClient: intEnv("BENCH_WRITE_REPORTS_PER_CLIENT", 500, 10),
    contenders: intEnv("BENCH_CONTENDERS", 200, 51),
    contentionTrials: intEnv("BENCH_CONTENTION_TRIALS", 3),
    countRoundTrips: flagEnv("BENCH_ROUND_TRIPS", true),
    viewCheckRequests: intEnv("BENCH_VIEW_CHECK_REQUESTS", 20_000),
    shippedPort: intEnv("BENCH_SHIPPED_PORT", 3900),
    yardstickPort: intEnv("BENCH_YARDSTICK_PORT", 3901),
    writeYardstickPort: intEnv("BENCH_WRITE_YARDSTICK_PORT", 3905),
    measureQuietLogs: flagEnv("BENCH_QUIET_LOGS", true),
    cpuProfile: flagEnv("BENCH_CPU_PROF", false),
    keepDatabases: flagEnv("BENCH_KEEP_DB", false),
    // Fresh per run: nothing the bench writes is ever valid anywhere else.
    shareTokenSecret: randomBytes(32).toString("base64url"),
    adminToken: `adm_${randomBytes(24).toString("base64url")}`,
  };
};

/** The calibration client makes 38 creates (lib/round-trips.ts: 8 warm-up + 30 counted). */
const CALIBRATION_REPORTS = 40;

/** What the loader provisions for the write phases, the contention trials and the round-trip count. */
export const writeFixtureOptions = (config: BenchConfig) => ({
  clients: config.writeClients,
  reportsPerClient: config.writeReportsPerClient,
  contenders: config.contenders,
  // Shipped and the write yardstick each get their own fresh schedules.
  contentionTrials: config.contentionTrials * 2,
  calibrationClients: 2,
  calibrationReports: CALIBRATION_REPORTS,
});
