import type { ContentionTrial } from "./contention";
import { type BenchResults, fmt } from "./results";
import type { RoundTripFigures } from "./round-trips";
import type { WritePhaseComparison } from "./writes";

/** The write, contention and round-trip sections of docs/benchmarks.md. */

export const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

const replies = (codes: Record<string, number>) =>
  Object.entries(codes)
    .map(([code, n]) => `${n} x ${code}`)
    .join(", ");

const writeRows = (p: WritePhaseComparison): string[] => [
  row([
    `${p.phase}: req/s`,
    fmt(p.shipped.reqPerSec),
    fmt(p.yardstick.reqPerSec),
    `${fmt(p.ratio.reqPerSec, 2)}x`,
  ]),
  row([
    `${p.phase}: p50`,
    `${fmt(p.shipped.p50, 1)} ms`,
    `${fmt(p.yardstick.p50, 1)} ms`,
    `${fmt(p.ratio.p50, 2)}x`,
  ]),
  row([
    `${p.phase}: p99`,
    `${fmt(p.shipped.p99, 1)} ms`,
    `${fmt(p.yardstick.p99, 1)} ms`,
    `${fmt(p.ratio.p99, 2)}x`,
  ]),
  row([
    `${p.phase}: server CPU per request`,
    `${fmt(p.shipped.serverCpuUs)} µs`,
    `${fmt(p.yardstick.serverCpuUs)} µs`,
    `${fmt(p.ratio.serverCpuUs, 2)}x`,
  ]),
  row([
    `${p.phase}: PostgreSQL CPU per request`,
    `${fmt(p.shipped.dbCpuUs)} µs`,
    `${fmt(p.yardstick.dbCpuUs)} µs`,
    `${fmt(p.ratio.dbCpuUs, 2)}x`,
  ]),
];

const roundTripRows = (figures: readonly RoundTripFigures[]): string[] => {
  const operations = [...new Set(figures.map((f) => f.operation))];
  const of = (target: string, operation: string) =>
    figures.find((f) => f.target === target && f.operation === operation);
  const cell = (f: RoundTripFigures | undefined, pick: (f: RoundTripFigures) => number) =>
    f ? fmt(pick(f), 1) : "n/a";
  return [
    row([
      "request",
      "round trips, shipped",
      "round trips, yardstick",
      "statements, shipped",
      "statements, yardstick",
      "parses, shipped",
      "parses, yardstick",
    ]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...operations.map((operation) => {
      const s = of("shipped", operation);
      const y = of("yardstick", operation);
      return row([
        operation,
        cell(s, (f) => f.roundTrips),
        cell(y, (f) => f.roundTrips),
        cell(s, (f) => f.statements),
        cell(y, (f) => f.statements),
        cell(s, (f) => f.parses),
        cell(y, (f) => f.parses),
      ]);
    }),
  ];
};

const contentionRows = (trials: readonly ContentionTrial[]): string[] => [
  row([
    "server",
    "trial",
    "creators",
    "201",
    "400 share_limit_reached",
    "other",
    "5xx",
    "active in db",
    "settled in",
    "p50",
    "p99",
  ]),
  row(["---", "---:", "---:", "---:", "---:", "---", "---:", "---:", "---:", "---:", "---:"]),
  ...trials.map((t) =>
    row([
      t.target,
      `${t.trial}${t.ok ? "" : " (**failed**)"}`,
      String(t.contenders),
      String(t.created),
      String(t.limitReached),
      Object.keys(t.other).length === 0 ? "none" : JSON.stringify(t.other),
      String(t.serverErrors),
      String(t.activeInDb),
      `${fmt(t.settleMs)} ms`,
      `${fmt(t.p50)} ms`,
      `${fmt(t.p99)} ms`,
    ]),
  ),
];

export const renderWrites = (results: BenchResults): string[] => {
  const { phases, contention } = results.writes;
  const s = results.settings;
  return [
    "### Writes through the REST API against the write yardstick (API keys, 1M shares stored)",
    "",
    `${s.writeClients} clients (each its own user and key, one request in flight), ${s.writeRounds} alternating rounds ` +
      `of ${s.writeRoundSeconds} s per phase and server; every create on a report nobody has shared yet. ` +
      "Medians over the rounds; ratios are medians of the per-round ratios.",
    "",
    row(["figure", "shipped", "write yardstick", "shipped / yardstick"]),
    row(["---", "---:", "---:", "---:"]),
    ...phases.flatMap(writeRows),
    "",
    `Replies: ${phases
      .map(
        (p) =>
          `${p.phase} shipped ${replies(p.shipped.statusCodes)}, yardstick ${replies(p.yardstick.statusCodes)}`,
      )
      .join("; ")}.`,
    "",
    `Per-round req/s, shipped/yardstick: ${phases
      .map(
        (p) =>
          `${p.phase} ${p.runs.shipped
            .map((a, k) => `${fmt(a.reqPerSec)}/${fmt(p.runs.yardstick[k]?.reqPerSec ?? Number.NaN)}`)
            .join(", ")}`,
      )
      .join("; ")}.`,
    "",
    ...(results.roundTrips.length > 0
      ? [
          "### Database work per request",
          "",
          "Counted by a proxy between each server and PostgreSQL, one request at a time after a warm-up: " +
            "round trips (the server waits for an answer before it sends again), statements executed, and " +
            "statements parsed (not run from a named prepared statement).",
          "",
          ...roundTripRows(results.roundTrips),
          "",
        ]
      : []),
    "### Contention: 200 creators on one schedule at once",
    "",
    ...contentionRows(contention),
  ];
};
