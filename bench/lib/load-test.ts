import autocannon from "autocannon";
import { cpuSpent, type DbBackends, snapshotCpu } from "./cpu";
import { log } from "./progress";
import { RssSampler } from "./servers";

/** One autocannon run: what it measured, with the server's peak RSS during it. */
export interface RunFigures {
  target: string;
  round: number;
  seconds: number;
  /** Mean of autocannon's per-second samples (successful and failed responses alike). */
  reqPerSec: number;
  /** Latency percentiles of 2xx responses, ms. */
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  rssMaxMb: number;
  /** CPU the server process spent per completed request (user + system, microseconds). */
  serverCpuUs: number;
  /** CPU its PostgreSQL backends spent per completed request (microseconds). */
  dbCpuUs: number;
}

export interface LoadTarget {
  /** "shipped", "yardstick", "shipped-page"... */
  name: string;
  baseUrl: string;
  pid: number;
  /** Request path for one token. */
  path: (token: string) => string;
  /** Where to find the server's database backends, to count their CPU. */
  db?: DbBackends;
}

export interface LoadOptions {
  tokens: readonly string[];
  connections: number;
  seconds: number;
  round: number;
}

/**
 * `connections` keep-alive connections for `seconds`; every request takes the
 * next sampled token (a shared cursor, so consecutive requests hit unrelated
 * rows spread over the whole table).
 */
export const runLoad = async (target: LoadTarget, options: LoadOptions): Promise<RunFigures> => {
  const { tokens } = options;
  let cursor = Math.floor(Math.random() * tokens.length);
  const rss = new RssSampler(target.pid);
  const cpuBefore = await snapshotCpu(target.pid, target.db);
  rss.start();
  const result = await autocannon({
    url: target.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          cursor = (cursor + 1) % tokens.length;
          request.path = target.path(tokens[cursor] as string);
          return request;
        },
      },
    ],
  });
  const memory = rss.stop();
  const cpu = await cpuSpent(cpuBefore, target.pid, target.db);
  const completed = Math.max(1, result.requests.total);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCodes[code] = stat.count;
  return {
    target: target.name,
    round: options.round,
    seconds: result.duration,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    rssMaxMb: memory.maxMb,
    serverCpuUs: Math.round((cpu.serverMs * 1000) / completed),
    dbCpuUs: target.db ? Math.round((cpu.dbMs * 1000) / completed) : Number.NaN,
  };
};

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export interface Summary {
  target: string;
  rounds: number;
  /** Medians over the rounds. */
  reqPerSec: number;
  p50: number;
  p99: number;
  rssMaxMb: number;
  serverCpuUs: number;
  dbCpuUs: number;
  non2xx: number;
  errors: number;
}

export const summarize = (runs: readonly RunFigures[]): Summary => ({
  target: runs[0]?.target ?? "?",
  rounds: runs.length,
  reqPerSec: median(runs.map((r) => r.reqPerSec)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  rssMaxMb: Math.max(0, ...runs.map((r) => r.rssMaxMb)),
  serverCpuUs: median(runs.map((r) => r.serverCpuUs)),
  dbCpuUs: median(runs.map((r) => r.dbCpuUs)),
  non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  errors: runs.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
});

const describe = (run: RunFigures) =>
  `${run.target.padEnd(16)} round ${run.round}: ${run.reqPerSec.toFixed(0).padStart(6)} req/s  ` +
  `p50 ${run.p50} ms  p99 ${run.p99} ms  RSS ${run.rssMaxMb.toFixed(0)} MB  ` +
  `CPU/req server ${run.serverCpuUs} us, db ${Number.isNaN(run.dbCpuUs) ? "-" : run.dbCpuUs} us` +
  (run.non2xx + run.errors + run.timeouts > 0
    ? `  (non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}: ${JSON.stringify(run.statusCodes)})`
    : "");

export interface Comparison {
  a: RunFigures[];
  b: RunFigures[];
}

/**
 * Round-robin over the targets (A B C D, D C B A, A B C D...): each warmed up
 * first, then `rounds` runs each, interleaved, so whatever else the machine is
 * doing weighs on all of them about equally. Returns the runs per target, in
 * round order.
 */
export const interleave = async (
  targets: readonly LoadTarget[],
  options: {
    tokens: (target: LoadTarget) => readonly string[];
    connections: number;
    seconds: number;
    warmupSeconds: number;
    rounds: number;
  },
): Promise<RunFigures[][]> => {
  const runs: RunFigures[][] = targets.map(() => []);
  if (options.warmupSeconds > 0) {
    for (const target of targets) {
      const warm = await runLoad(target, {
        tokens: options.tokens(target),
        connections: options.connections,
        seconds: options.warmupSeconds,
        round: 0,
      });
      log(`   ${describe(warm)} (warm-up)`);
    }
  }
  for (let round = 1; round <= options.rounds; round += 1) {
    // A B C D, then D C B A: whatever favours the first (or last) slot of a round evens out.
    const order = [...targets.entries()];
    if (round % 2 === 0) order.reverse();
    for (const [index, target] of order) {
      const run = await runLoad(target, {
        tokens: options.tokens(target),
        connections: options.connections,
        seconds: options.seconds,
        round,
      });
      log(`   ${describe(run)}`);
      runs[index]?.push(run);
    }
  }
  return runs;
};
