import type { ContentionTrial } from "./contention";
import type { Comparison, Summary } from "./load-test";
import { median, type RunFigures, summarize } from "./load-test";
import type { GitInfo, MachineInfo } from "./machine";
import type { RoundTripFigures } from "./round-trips";
import type { ViewCountCheck } from "./view-count-check";
import type { WritePhaseComparison } from "./writes";

/** What `pnpm bench` measured: bench/results/latest.json, rendered by lib/report.ts. */

export interface ComparedFigures {
  shipped: Summary;
  yardstick: Summary;
  /** shipped / yardstick: the median of the per-round ratios. */
  ratio: { reqPerSec: number; p50: number; p99: number; serverCpuUs: number; dbCpuUs: number };
  runs: Comparison;
}

/**
 * Ratios are taken round by round (each shipped run against the yardstick run
 * right next to it, which saw the same machine), then the median of those.
 */
export const compare = (runs: Comparison): ComparedFigures => {
  const shipped = summarize(runs.a);
  const yardstick = summarize(runs.b);
  const paired = (pick: (run: RunFigures) => number) =>
    Math.round(
      median(
        runs.a.map((a, k) => {
          const b = runs.b[k];
          return b && pick(b) > 0 ? pick(a) / pick(b) : Number.NaN;
        }),
      ) * 100,
    ) / 100;
  return {
    shipped,
    yardstick,
    ratio: {
      reqPerSec: paired((r) => r.reqPerSec),
      p50: paired((r) => r.p50),
      p99: paired((r) => r.p99),
      serverCpuUs: paired((r) => r.serverCpuUs),
      dbCpuUs: paired((r) => r.dbCpuUs),
    },
    runs,
  };
};

export interface Target {
  name: string;
  goal: string;
  value: string;
  pass: boolean;
}

export interface BenchResults {
  date: string;
  git: GitInfo;
  machine: MachineInfo & { loadAverageAtEnd: number };
  settings: {
    connections: number;
    rounds: number;
    roundSeconds: number;
    warmupSeconds: number;
    sampleTokens: number;
    poolSize: number;
    shippedLogLevel: string;
    rateLimits: string;
    writeClients: number;
    writeRounds: number;
    writeRoundSeconds: number;
  };
  load: { database: string; shares: number; seconds: number; sharesTableMb: number }[];
  /** Shipped against the yardstick, which reads its own copy of the rows. */
  read1M: ComparedFigures;
  read10k: ComparedFigures;
  /** Shipped at LOG_LEVEL=warn against the yardstick: what request logging costs. */
  readQuietLogs: ComparedFigures | null;
  /** Shipped at LOG_LEVEL=info against itself at warn, interleaved with the above. */
  loggingCost: ComparedFigures | null;
  /** The HTML page against the same server's JSON read ("yardstick" here is that JSON read). */
  page: ComparedFigures;
  writes: { phases: WritePhaseComparison[]; contention: ContentionTrial[] };
  /** Per request, counted through a proxy in front of PostgreSQL (empty when BENCH_ROUND_TRIPS=0). */
  roundTrips: RoundTripFigures[];
  /** After a final flush: views recorded against 2xx answers served, on a server of its own (issue 12). */
  viewCounts: ViewCountCheck;
  /** The shipped server's peak RSS over every load it served (MB). */
  shippedRssMaxMb: number;
  targets: Target[];
  runtimeSeconds: number;
}

export const fmt = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "n/a";
