import type http from "node:http";
import { cpuSpent, type DbBackends, snapshotCpu } from "./cpu";
import { keepAliveAgent, percentile, type Reply, request, round2 } from "./http-client";
import { median } from "./load-test";
import type { WriteFixtures } from "./loader";
import { log } from "./progress";

/**
 * Writes through the REST API with API keys, the shipped server and the write
 * yardstick in alternating rounds on the same database. Every round runs
 * `writers.length` concurrent clients (each its own user and key, one request
 * in flight) for a fixed time:
 *
 *  - create: each request shares a report nobody has shared yet (a fresh
 *    (user, report) pair), expecting 201;
 *  - refresh: the same call again on a share the client created (200, is_existing);
 *  - extend: PATCH one of those shares to 90 days (200).
 */

export type WritePhaseName = "create" | "refresh" | "extend";
export const WRITE_PHASES: readonly WritePhaseName[] = ["create", "refresh", "extend"];

export interface WriteTarget {
  /** "shipped" or "yardstick". */
  name: string;
  baseUrl: string;
  pid: number;
  db?: DbBackends;
}

export interface WriteRun {
  target: string;
  phase: WritePhaseName;
  round: number;
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  /** Replies other than the phase's expected status (201 create, 200 refresh/extend). */
  unexpected: number;
  serverErrors: number;
  /** CPU per completed request, microseconds: the server process, and its PostgreSQL backends. */
  serverCpuUs: number;
  dbCpuUs: number;
}

interface Created {
  reportId: string;
  shareId: string;
}

/** One write client: its key, the fresh reports it has left, the shares it made. */
interface ClientState {
  apiKey: string;
  fresh: string[];
  created: Created[];
  cursor: number;
}

const EXPECTED: Record<WritePhaseName, number> = { create: 201, refresh: 200, extend: 200 };

const step = async (
  phase: WritePhaseName,
  agent: http.Agent,
  baseUrl: string,
  client: ClientState,
): Promise<Reply | null> => {
  if (phase === "create") {
    const reportId = client.fresh.pop();
    if (reportId === undefined) return null;
    const reply = await request(agent, baseUrl, "POST", `/v1/reports/${reportId}/shares`, client.apiKey, {
      expiration_days: 30,
    });
    if (reply.status === 201)
      client.created.push({ reportId, shareId: (JSON.parse(reply.body) as { id: string }).id });
    return reply;
  }
  if (client.created.length === 0) return null;
  const share = client.created[client.cursor % client.created.length] as Created;
  client.cursor += 1;
  if (phase === "refresh") {
    const reply = await request(
      agent,
      baseUrl,
      "POST",
      `/v1/reports/${share.reportId}/shares`,
      client.apiKey,
      {},
    );
    if (reply.status === 200 && (JSON.parse(reply.body) as { is_existing?: boolean }).is_existing !== true)
      return { ...reply, status: -200 };
    return reply;
  }
  return request(
    agent,
    baseUrl,
    "PATCH",
    `/v1/reports/${share.reportId}/shares/${share.shareId}`,
    client.apiKey,
    { expiration_days: 90 },
  );
};

const runRound = async (
  target: WriteTarget,
  phase: WritePhaseName,
  clients: ClientState[],
  seconds: number,
  round: number,
): Promise<WriteRun> => {
  const agent = keepAliveAgent();
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let unexpected = 0;
  let firstUnexpected: string | null = null;
  const cpuBefore = await snapshotCpu(target.pid, target.db);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const reply = await step(phase, agent, target.baseUrl, client);
          if (reply === null) break;
          latencies.push(reply.ms);
          statusCodes[reply.status] = (statusCodes[reply.status] ?? 0) + 1;
          if (reply.status !== EXPECTED[phase]) {
            unexpected += 1;
            firstUnexpected ??= `${reply.status} ${reply.body.slice(0, 300)}`;
          }
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = await cpuSpent(cpuBefore, target.pid, target.db);
  latencies.sort((a, b) => a - b);
  const completed = Math.max(1, latencies.length);
  const run: WriteRun = {
    target: target.name,
    phase,
    round,
    requests: latencies.length,
    seconds: round2(elapsed),
    reqPerSec: round2(latencies.length / elapsed),
    p50: round2(percentile(latencies, 50)),
    p99: round2(percentile(latencies, 99)),
    statusCodes,
    unexpected,
    serverErrors: Object.entries(statusCodes)
      .filter(([code]) => code.startsWith("5"))
      .reduce((sum, [, n]) => sum + n, 0),
    serverCpuUs: Math.round((cpu.serverMs * 1000) / completed),
    dbCpuUs: target.db ? Math.round((cpu.dbMs * 1000) / completed) : Number.NaN,
  };
  if (firstUnexpected) log(`   ${target.name} ${phase}: first unexpected reply: ${firstUnexpected}`);
  return run;
};

const describe = (run: WriteRun, note = "") =>
  `${`${run.target} ${run.phase}`.padEnd(20)} round ${run.round}: ${run.reqPerSec.toFixed(0).padStart(5)} req/s  ` +
  `p50 ${run.p50.toFixed(1)} ms  p99 ${run.p99.toFixed(1)} ms  CPU/req server ${run.serverCpuUs} us, ` +
  `db ${Number.isNaN(run.dbCpuUs) ? "-" : run.dbCpuUs} us  ${JSON.stringify(run.statusCodes)}${note}`;

export interface WriteSummary {
  rounds: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  serverCpuUs: number;
  dbCpuUs: number;
  statusCodes: Record<string, number>;
  unexpected: number;
  serverErrors: number;
}

const summarize = (runs: readonly WriteRun[]): WriteSummary => {
  const statusCodes: Record<string, number> = {};
  for (const run of runs)
    for (const [code, n] of Object.entries(run.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    rounds: runs.length,
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    serverCpuUs: median(runs.map((r) => r.serverCpuUs)),
    dbCpuUs: median(runs.map((r) => r.dbCpuUs)),
    statusCodes,
    unexpected: runs.reduce((sum, r) => sum + r.unexpected, 0),
    serverErrors: runs.reduce((sum, r) => sum + r.serverErrors, 0),
  };
};

export interface WritePhaseComparison {
  phase: WritePhaseName;
  clients: number;
  shipped: WriteSummary;
  yardstick: WriteSummary;
  /** shipped / yardstick, the median of the per-round ratios. */
  ratio: { reqPerSec: number; p50: number; p99: number; serverCpuUs: number; dbCpuUs: number };
  runs: { shipped: WriteRun[]; yardstick: WriteRun[] };
}

const pairedRatio = (a: WriteRun[], b: WriteRun[], pick: (run: WriteRun) => number) =>
  Math.round(
    median(
      a.map((run, k) => {
        const other = b[k];
        return other && pick(other) > 0 ? pick(run) / pick(other) : Number.NaN;
      }),
    ) * 100,
  ) / 100;

/**
 * Each phase: a short warm-up per server, then `rounds` rounds of
 * `roundSeconds`, shipped and yardstick alternating (S Y, Y S, ...).
 */
export const runWriteRounds = async (options: {
  shipped: WriteTarget;
  /** Null: the shipped server alone (the profiler's writes scenario). */
  yardstick: WriteTarget | null;
  fixtures: WriteFixtures;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  /** The phases to run, in this order (default all); refresh and extend need creates before them. */
  phases?: readonly WritePhaseName[];
  /** Told when a phase's first measured round starts (the profiler leaves out what came before). */
  onPhaseStart?: (phase: WritePhaseName) => void;
}): Promise<WritePhaseComparison[]> => {
  const { shipped, yardstick, rounds, roundSeconds } = options;
  const clients: ClientState[] = options.fixtures.writers.map((w) => ({
    apiKey: w.apiKey,
    fresh: [...w.reportIds].reverse(),
    created: [],
    cursor: 0,
  }));
  const results: WritePhaseComparison[] = [];
  for (const phase of options.phases ?? WRITE_PHASES) {
    const targets = yardstick ? [shipped, yardstick] : [shipped];
    for (const target of targets) {
      if (options.warmupSeconds <= 0) break;
      log(`   ${describe(await runRound(target, phase, clients, options.warmupSeconds, 0), " (warm-up)")}`);
    }
    const runs: { shipped: WriteRun[]; yardstick: WriteRun[] } = { shipped: [], yardstick: [] };
    options.onPhaseStart?.(phase);
    for (let round = 1; round <= rounds; round += 1) {
      const order = round % 2 === 1 ? targets : [...targets].reverse();
      for (const target of order) {
        const run = await runRound(target, phase, clients, roundSeconds, round);
        log(`   ${describe(run)}`);
        (target === shipped ? runs.shipped : runs.yardstick).push(run);
      }
    }
    const left = clients.reduce((n, c) => n + c.fresh.length, 0);
    if (phase === "create" && left === 0)
      log("   warning: the write clients ran out of fresh reports (raise BENCH_WRITE_REPORTS_PER_CLIENT)");
    results.push({
      phase,
      clients: clients.length,
      shipped: summarize(runs.shipped),
      yardstick: summarize(runs.yardstick),
      ratio: {
        reqPerSec: pairedRatio(runs.shipped, runs.yardstick, (r) => r.reqPerSec),
        p50: pairedRatio(runs.shipped, runs.yardstick, (r) => r.p50),
        p99: pairedRatio(runs.shipped, runs.yardstick, (r) => r.p99),
        serverCpuUs: pairedRatio(runs.shipped, runs.yardstick, (r) => r.serverCpuUs),
        dbCpuUs: pairedRatio(runs.shipped, runs.yardstick, (r) => r.dbCpuUs),
      },
      runs,
    });
  }
  return results;
};
