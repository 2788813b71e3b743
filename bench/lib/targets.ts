import { median, type RunFigures } from "./load-test";
import { type BenchResults, fmt, type Target } from "./results";

/**
 * The targets `pnpm bench` checks (docs/benchmarks.md): the public read
 * against the yardstick (issue 12), the page against the JSON read (issue 14),
 * the writes against the write yardstick and the cap under contention (issue 15).
 */
export const READ_MIN_RATIO = 0.9;
export const READ_MAX_P99_RATIO = 1.5;
export const PAGE_MIN_RATIO = 0.9;
export const PAGE_MAX_P99_RATIO = 1.3;
export const WRITE_MIN_RATIO = 0.8;
export const WRITE_MAX_P99_RATIO = 1.5;
export const CONTENTION_MAX_SETTLE_MS = 1_000;

const x = (value: number) => `${fmt(value, 2)}x`;

export const evaluateTargets = (results: Omit<BenchResults, "targets" | "runtimeSeconds">): Target[] => {
  const { read1M, read10k, page } = results;
  // Round by round: the 1M and 10k runs of a round sat next to each other on the machine.
  const perRound = (big: RunFigures[], small: RunFigures[]) =>
    median(big.map((run, k) => run.reqPerSec / (small[k]?.reqPerSec ?? Number.NaN))) - 1;
  const sizeDelta = perRound(read1M.runs.a, read10k.runs.a);
  const yardstickDelta = perRound(read1M.runs.b, read10k.runs.b);
  const shippedTrials = results.writes.contention.filter((t) => t.target === "shipped");
  const phases = results.writes.phases;
  const slowest = Math.max(...shippedTrials.map((t) => t.settleMs));
  return [
    {
      name: "Public read throughput, 1M shares",
      goal: `>= ${READ_MIN_RATIO}x yardstick`,
      value: x(read1M.ratio.reqPerSec),
      pass: read1M.ratio.reqPerSec >= READ_MIN_RATIO,
    },
    {
      name: "Public read p99, 1M shares",
      goal: `<= ${READ_MAX_P99_RATIO}x yardstick`,
      value: x(read1M.ratio.p99),
      pass: read1M.ratio.p99 <= READ_MAX_P99_RATIO,
    },
    {
      name: "Public read 1M vs 10k shares (shipped req/s)",
      goal: "within 10%",
      value:
        `${sizeDelta >= 0 ? "+" : ""}${fmt(sizeDelta * 100, 1)}% at 1M ` +
        `(yardstick: ${yardstickDelta >= 0 ? "+" : ""}${fmt(yardstickDelta * 100, 1)}%)`,
      pass: Math.abs(sizeDelta) <= 0.1,
    },
    {
      name: "Views recorded == 2xx served, after a final flush",
      goal: "exactly equal",
      value: `${fmt(results.viewCounts.recorded)} recorded / ${fmt(results.viewCounts.served2xx)} served`,
      pass: results.viewCounts.ok,
    },
    {
      name: "Public page throughput, 1M shares",
      goal: `>= ${PAGE_MIN_RATIO}x the JSON read`,
      value: x(page.ratio.reqPerSec),
      pass: page.ratio.reqPerSec >= PAGE_MIN_RATIO,
    },
    {
      name: "Public page p99, 1M shares",
      goal: `<= ${PAGE_MAX_P99_RATIO}x the JSON read`,
      value: x(page.ratio.p99),
      pass: page.ratio.p99 <= PAGE_MAX_P99_RATIO,
    },
    ...phases.flatMap((p): Target[] => [
      {
        name: `Write ${p.phase} throughput`,
        goal: `>= ${WRITE_MIN_RATIO}x write yardstick`,
        value: x(p.ratio.reqPerSec),
        pass: p.ratio.reqPerSec >= WRITE_MIN_RATIO,
      },
      {
        name: `Write ${p.phase} p99`,
        goal: `<= ${WRITE_MAX_P99_RATIO}x write yardstick`,
        value: x(p.ratio.p99),
        pass: p.ratio.p99 <= WRITE_MAX_P99_RATIO,
      },
    ]),
    {
      name: "Writes: every reply as expected, no 5xx (shipped and yardstick)",
      goal: "0 unexpected",
      value: `${phases.reduce((n, p) => n + p.shipped.unexpected + p.yardstick.unexpected, 0)} unexpected`,
      pass: phases.every(
        (p) =>
          p.shipped.unexpected + p.yardstick.unexpected === 0 &&
          p.shipped.serverErrors + p.yardstick.serverErrors === 0,
      ),
    },
    {
      name: "Contention: exactly 50 created, rest share_limit_reached, no 5xx",
      goal: "every trial",
      value: `${shippedTrials.filter((t) => t.ok).length}/${shippedTrials.length} trials`,
      pass: shippedTrials.length > 0 && shippedTrials.every((t) => t.ok),
    },
    {
      name: "Contention: 200 creators settle",
      goal: `< ${fmt(CONTENTION_MAX_SETTLE_MS)} ms, every trial`,
      value: `slowest ${fmt(slowest)} ms`,
      pass: shippedTrials.length > 0 && slowest < CONTENTION_MAX_SETTLE_MS,
    },
    {
      name: "Shipped server RSS under load",
      goal: "< 300 MB",
      value: `${fmt(results.shippedRssMaxMb)} MB`,
      pass: results.shippedRssMaxMb < 300,
    },
  ];
};
