import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_DIR, RESULTS_DIR } from "./config";
import type { Comparison, Summary } from "./load-test";
import { median, type RunFigures, summarize } from "./load-test";
import type { GitInfo, MachineInfo } from "./machine";
import type { WriteResults } from "./writes";

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
  machine: MachineInfo;
  settings: {
    connections: number;
    rounds: number;
    roundSeconds: number;
    warmupSeconds: number;
    sampleTokens: number;
    poolSize: number;
    shippedLogLevel: string;
    rateLimits: string;
  };
  load: { database: string; shares: number; seconds: number; sharesTableMb: number }[];
  read1M: ComparedFigures;
  read10k: ComparedFigures;
  /** Shipped at LOG_LEVEL=warn against the yardstick: what request logging costs. */
  readQuietLogs: ComparedFigures | null;
  /** Shipped at LOG_LEVEL=info against itself at warn, interleaved with the above. */
  loggingCost: ComparedFigures | null;
  page: ComparedFigures;
  writes: WriteResults;
  /** The shipped server's peak RSS over every load it served (MB). */
  shippedRssMaxMb: number;
  targets: Target[];
  runtimeSeconds: number;
}

const fmt = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "n/a";

export const evaluateTargets = (results: Omit<BenchResults, "targets" | "runtimeSeconds">): Target[] => {
  const { read1M, read10k } = results;
  // Round by round: the 1M and 10k runs of a round sat next to each other on the machine.
  const perRound = (big: RunFigures[], small: RunFigures[]) =>
    median(big.map((run, k) => run.reqPerSec / (small[k]?.reqPerSec ?? Number.NaN))) - 1;
  const sizeDelta = perRound(read1M.runs.a, read10k.runs.a);
  const yardstickDelta = perRound(read1M.runs.b, read10k.runs.b);
  const contention = results.writes.contention;
  const writePhases = [results.writes.create, results.writes.refresh, results.writes.extend];
  return [
    {
      name: "Public read throughput, 1M shares",
      goal: ">= 0.8x yardstick",
      value: `${fmt(read1M.ratio.reqPerSec, 2)}x`,
      pass: read1M.ratio.reqPerSec >= 0.8,
    },
    {
      name: "Public read p99, 1M shares",
      goal: "<= 2x yardstick",
      value: `${fmt(read1M.ratio.p99, 2)}x`,
      pass: read1M.ratio.p99 <= 2,
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
      name: "Shipped server RSS under load",
      goal: "< 300 MB",
      value: `${fmt(results.shippedRssMaxMb)} MB`,
      pass: results.shippedRssMaxMb < 300,
    },
    {
      name: "Contention: exactly 50 created, rest share_limit_reached, no 5xx",
      goal: "every trial",
      value: `${contention.filter((t) => t.ok).length}/${contention.length} trials`,
      pass: contention.length > 0 && contention.every((t) => t.ok),
    },
    {
      name: "Writes (create, refresh, extend): every reply as expected, no 5xx",
      goal: "0 unexpected",
      value: `${writePhases.reduce((n, p) => n + p.unexpected, 0)} unexpected`,
      pass: writePhases.every((p) => p.unexpected === 0 && p.serverErrors === 0),
    },
  ];
};

const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

const comparedRows = (label: string, figures: ComparedFigures, yardstickLabel = "yardstick"): string[] => [
  row([
    `${label}: req/s`,
    fmt(figures.shipped.reqPerSec),
    `${fmt(figures.yardstick.reqPerSec)} (${yardstickLabel})`,
    `${fmt(figures.ratio.reqPerSec, 2)}x`,
  ]),
  row([
    `${label}: p50 latency`,
    `${fmt(figures.shipped.p50)} ms`,
    `${fmt(figures.yardstick.p50)} ms`,
    `${fmt(figures.ratio.p50, 2)}x`,
  ]),
  row([
    `${label}: p99 latency`,
    `${fmt(figures.shipped.p99)} ms`,
    `${fmt(figures.yardstick.p99)} ms`,
    `${fmt(figures.ratio.p99, 2)}x`,
  ]),
  row([
    `${label}: server CPU per request`,
    `${fmt(figures.shipped.serverCpuUs)} µs`,
    `${fmt(figures.yardstick.serverCpuUs)} µs`,
    `${fmt(figures.ratio.serverCpuUs, 2)}x`,
  ]),
  row([
    `${label}: PostgreSQL CPU per request`,
    `${fmt(figures.shipped.dbCpuUs)} µs`,
    `${fmt(figures.yardstick.dbCpuUs)} µs`,
    `${fmt(figures.ratio.dbCpuUs, 2)}x`,
  ]),
];

const roundsLine = (figures: ComparedFigures) =>
  figures.runs.a
    .map((a, k) => `${fmt(a.reqPerSec)}/${fmt(figures.runs.b[k]?.reqPerSec ?? Number.NaN)}`)
    .join(", ");

export const renderMarkdown = (results: BenchResults): string => {
  const m = results.machine;
  const s = results.settings;
  const w = results.writes;
  const lines: string[] = [];
  lines.push(
    `Run of ${results.date} at commit \`${results.git.commit.slice(0, 12)}\`${results.git.dirty ? " (with uncommitted changes)" : ""}; ` +
      `\`pnpm bench\` took ${fmt(results.runtimeSeconds / 60, 1)} min.`,
    "",
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${fmt(m.memoryGb, 1)} GB memory, ${m.os}, Node ${m.node}, ${m.postgres}; ` +
      `client, servers and PostgreSQL share the cores (1-min load average at start: ${fmt(m.loadAverageAtStart, 2)}).`,
    "",
    `Settings: ${s.connections} connections, ${s.rounds} alternating rounds of ${s.roundSeconds} s per target after a ` +
      `${s.warmupSeconds} s warm-up each, ${fmt(s.sampleTokens)} sampled tokens, pool of ${s.poolSize} connections in both ` +
      `servers, shipped server at LOG_LEVEL=${s.shippedLogLevel} (logs to /dev/null), ${s.rateLimits}.`,
    "",
    `Data: ${results.load
      .map(
        (l) =>
          `${fmt(l.shares)} shares loaded in ${fmt(l.seconds, 1)} s (shares table ${fmt(l.sharesTableMb)} MB)`,
      )
      .join("; ")}.`,
    "",
    "### Targets",
    "",
    row(["target", "goal", "measured", "result"]),
    row(["---", "---", "---", "---"]),
    ...results.targets.map((t) => row([t.name, t.goal, t.value, t.pass ? "pass" : "**miss**"])),
    "",
    "### Public read and page (figures: medians over the rounds)",
    "",
    row(["figure", "shipped", "yardstick", "shipped / yardstick (median of per-round ratios)"]),
    row(["---", "---:", "---:", "---:"]),
    ...comparedRows("`GET /v1/shared/{token}`, 1M shares", results.read1M),
    ...comparedRows("`GET /v1/shared/{token}`, 10k shares", results.read10k),
    ...(results.readQuietLogs
      ? comparedRows("`GET /v1/shared/{token}`, 1M shares, shipped at LOG_LEVEL=warn", results.readQuietLogs)
      : []),
    ...comparedRows("`GET /shared/{token}` (HTML page), 1M shares", results.page, "JSON read"),
    row([
      "shipped server peak RSS under load",
      `${fmt(results.shippedRssMaxMb)} MB`,
      `${fmt(Math.max(results.read1M.yardstick.rssMaxMb, results.read10k.yardstick.rssMaxMb))} MB`,
      "",
    ]),
    "",
    ...(results.loggingCost
      ? [
          `Request logging (one JSON line per request at the default LOG_LEVEL=info; two fresh shipped servers in the same rounds): the shipped server spends ` +
            `${fmt(results.loggingCost.shipped.serverCpuUs)} µs of CPU per read at info against ` +
            `${fmt(results.loggingCost.yardstick.serverCpuUs)} µs at warn (per-round ratio ${fmt(results.loggingCost.ratio.serverCpuUs, 2)}x), ` +
            `${fmt(results.loggingCost.shipped.reqPerSec)} against ${fmt(results.loggingCost.yardstick.reqPerSec)} req/s ` +
            `(${fmt(results.loggingCost.ratio.reqPerSec, 2)}x).`,
          "",
        ]
      : []),
    `Per-round req/s, shipped/yardstick: 1M ${roundsLine(results.read1M)}; 10k ${roundsLine(results.read10k)}; ` +
      `page ${roundsLine(results.page)}${results.readQuietLogs ? `; warn-level logs ${roundsLine(results.readQuietLogs)}` : ""}.`,
    "",
    "### Writes through the REST API (API keys, 1M shares stored)",
    "",
    row(["phase", "clients", "requests", "req/s", "p50", "p99", "replies"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---"]),
    ...[w.create, w.refresh, w.extend].map((p) =>
      row([
        p.name,
        String(p.clients),
        String(p.requests),
        fmt(p.reqPerSec),
        `${fmt(p.p50, 1)} ms`,
        `${fmt(p.p99, 1)} ms`,
        Object.entries(p.statusCodes)
          .map(([code, n]) => `${n} x ${code}`)
          .join(", "),
      ]),
    ),
    "",
    row([
      "contention trial",
      "creators",
      "201",
      "400 share_limit_reached",
      "other",
      "5xx",
      "active in db",
      "settled in",
    ]),
    row(["---", "---:", "---:", "---:", "---", "---:", "---:", "---:"]),
    ...w.contention.map((t) =>
      row([
        `${t.trial}${t.ok ? "" : " (**failed**)"}`,
        String(t.contenders),
        String(t.created),
        String(t.limitReached),
        Object.keys(t.other).length === 0 ? "none" : JSON.stringify(t.other),
        String(t.serverErrors),
        String(t.activeInDb),
        `${fmt(t.settleMs)} ms`,
      ]),
    ),
  );
  return lines.join("\n");
};

const BEGIN = "<!-- bench:begin (generated by `pnpm bench`; edit outside these markers) -->";
const END = "<!-- bench:end -->";

const DEFAULT_DOC = `# Benchmarks

\`pnpm bench\` (see \`bench/README.md\`) measures the public read path against a
yardstick and the write paths under concurrency, and rewrites the section
between the markers below with its latest figures. Everything outside the
markers is kept.

## Latest run

${BEGIN}
${END}
`;

export const writeResults = (results: BenchResults): { json: string; markdown: string } => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, "latest.json");
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);

  const markdown = path.join(REPO_DIR, "docs", "benchmarks.md");
  const current = existsSync(markdown) ? readFileSync(markdown, "utf8") : DEFAULT_DOC;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const body = `${BEGIN}\n${renderMarkdown(results)}\n${END}`;
  const next =
    start !== -1 && end > start
      ? `${current.slice(0, start)}${body}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n## Latest run\n\n${body}\n`;
  writeFileSync(markdown, next);
  return { json, markdown };
};
