// `npm test` after the install: lint, the import rules, the type-check, every
// package's tests and web's browser tests, then a scan of every log line the
// tests wrote for secret and private data (packages/edge/scripts/scan-test-logs.ts),
// and one summary line. Fails if any step fails; every step runs even when an
// earlier one failed, so one run reports everything.
//
//   node scripts/check.mjs              everything
//   node scripts/check.mjs --tests-only the tests and the log scan
//
// Two lanes side by side, because the machine this must be fast on has two
// cores and one chain is longer than the rest (docs/benchmarks.md, "The test
// suite"):
// - web's production build, then its browser tests (`test:e2e`, the only task
//   that needs the build): the longest chain, and mostly waiting on Chromium
//   and the server, so it starts at once;
// - the static checks.
// Then each lane takes the other packages' test tasks from one queue, one at a
// time (each uses two vitest workers of its own). Every package's databases
// (PGlite in memory, PostgreSQL databases named per run), Redis keys (a random
// prefix per test) and ports (0) are its own, so the lanes never see each other.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runStep } from "./lib/run-step.mjs";
import { tallyVitestOutput } from "./lib/vitest-tally.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const testsOnly = process.argv.includes("--tests-only");
const logDir = path.join(
  root,
  ".test-logs",
  `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`,
);
rmSync(logDir, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });
// No telemetry notices in the test output (the build prints Next.js's once per machine).
const env = {
  ...process.env,
  SHARELINKS_TEST_LOG_DIR: logDir,
  TURBO_TELEMETRY_DISABLED: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};
const started = Date.now();
const step = (name, command, args) => runStep({ name, command, args, cwd: root, env });
const pnpm = (...args) => [process.execPath, [path.join(root, "scripts/pnpm.mjs"), ...args]];

const staticChecks = testsOnly
  ? []
  : [
      ["lint", ...pnpm("exec", "biome", "check", ".")],
      ["deps", ...pnpm("--silent", "run", "deps")],
      ["typecheck", process.execPath, [path.join(root, "scripts/typecheck.mjs")]],
    ];

/** One package's test task through turbo (its env rules, its output prefix). */
const testTask = (name, task, pkg) => [
  name,
  ...pnpm("exec", "turbo", "run", task, `--filter=${pkg}`, "--only"),
];

// The other test tasks, the most CPU first (docs/benchmarks.md, "The test
// suite"), taken by whichever lane is free: the last ones to start are the
// short ones, so neither lane idles long at the end.
const queue = [
  testTask("web unit tests", "test:unit", "@sharelinks/web"),
  testTask("rest tests", "test", "@sharelinks/rest"),
  testTask("db tests", "test", "@sharelinks/db"),
  testTask("api tests", "test", "@sharelinks/api"),
  testTask("edge tests", "test", "@sharelinks/edge"),
  testTask("core tests", "test", "@sharelinks/core"),
];

/** Runs its own steps in order, then takes queued ones until none is left; every step runs, whatever the one before did. */
const lane = async (steps) => {
  const results = [];
  for (const [name, command, args] of steps) results.push(await step(name, command, args));
  for (let next = queue.shift(); next; next = queue.shift()) results.push(await step(...next));
  return results;
};

const lanes = await Promise.all([
  // The build first (turbo runs it before test:e2e), then the browser tests.
  lane([["browser tests", ...pnpm("exec", "turbo", "run", "test:e2e", "--filter=@sharelinks/web")]]),
  lane(staticChecks),
]);
const results = lanes.flat();
const scan = await step(
  "log scan",
  ...pnpm("--silent", "--filter", "@sharelinks/edge", "scan-test-logs", logDir),
);
if (scan.code === 0) rmSync(logDir, { recursive: true, force: true });
else process.stderr.write(`log scan failed; the lines are kept in ${path.relative(root, logDir)}\n`);

const failed = [...results, scan].filter((result) => result.code !== 0).map((result) => result.name);
const tally = tallyVitestOutput(results.map((result) => result.output).join("\n"));
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
process.stdout.write(
  `\nnpm test ${failed.length === 0 ? "OK" : `FAILED (${failed.join(", ")})`}: ` +
    `${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (each skip printed its reason above), ` +
    `${tally.files} test files, log scan ${scan.code === 0 ? "clean" : "FAILED"}, ${minutes} min\n`,
);
process.exit(failed.length === 0 ? 0 : 1);
