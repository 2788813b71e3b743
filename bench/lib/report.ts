import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_DIR, RESULTS_DIR } from "./config";
import { renderWrites, row } from "./report-writes";
import { type BenchResults, type ComparedFigures, fmt } from "./results";

/** docs/benchmarks.md's generated section and bench/results/latest.json. */

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
  const lines: string[] = [];
  lines.push(
    `Run of ${results.date} at commit \`${results.git.commit.slice(0, 12)}\`${results.git.dirty ? " (with uncommitted changes)" : ""}; ` +
      `\`pnpm bench\` took ${fmt(results.runtimeSeconds / 60, 1)} min.`,
    "",
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${fmt(m.memoryGb, 1)} GB memory, ${m.os}, Node ${m.node}, ${m.postgres}; ` +
      `client, servers and PostgreSQL share the cores (1-min load average: ${fmt(m.loadAverageAtStart, 2)} at the start, ` +
      `${fmt(m.loadAverageAtEnd, 2)} after the writes).`,
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
    "### Public read (figures: medians over the rounds)",
    "",
    "The yardstick reads its own copy of the rows (`bench_copy.shares` and `bench_copy.brands` in the same " +
      "database, same physical order, same index), so neither server finds the other's pages in the buffer cache.",
    "",
    row(["figure", "shipped", "yardstick", "shipped / yardstick (median of per-round ratios)"]),
    row(["---", "---:", "---:", "---:"]),
    ...comparedRows("`GET /v1/shared/{token}`, 1M shares", results.read1M),
    ...comparedRows("`GET /v1/shared/{token}`, 10k shares", results.read10k),
    ...(results.readQuietLogs
      ? comparedRows("`GET /v1/shared/{token}`, 1M shares, shipped at LOG_LEVEL=warn", results.readQuietLogs)
      : []),
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
    `Per-round req/s, shipped/yardstick: 1M ${roundsLine(results.read1M)}; 10k ${roundsLine(results.read10k)}` +
      `${results.readQuietLogs ? `; warn-level logs ${roundsLine(results.readQuietLogs)}` : ""}.`,
    "",
    "### Public page against the JSON read (same server, same rows, alternating rounds)",
    "",
    row(["figure", "`GET /shared/{token}` (HTML)", "`GET /v1/shared/{token}` (JSON)", "page / JSON read"]),
    row(["---", "---:", "---:", "---:"]),
    ...comparedRows("1M shares", results.page, "JSON read"),
    "",
    `Per-round req/s, page/JSON read: ${roundsLine(results.page)}.`,
    "",
    ...renderWrites(results),
  );
  return lines.join("\n");
};

const BEGIN = "<!-- bench:begin (generated by `pnpm bench`; edit outside these markers) -->";
const END = "<!-- bench:end -->";

const DEFAULT_DOC = `# Benchmarks

\`pnpm bench\` (see \`bench/README.md\`) measures the public read path and the
write paths against yardsticks, and rewrites the section
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
