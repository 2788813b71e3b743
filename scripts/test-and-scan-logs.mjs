// `npm test`'s test step: runs every package's tests with a run-scoped log
// directory (every test logger, and every server the tests start, writes its
// lines there), then scans all of them for secret and private data
// (packages/edge/scripts/scan-test-logs.ts), and ends with one summary line.
// Fails if either fails.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tallyVitestOutput } from "./lib/vitest-tally.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, ".test-logs", `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const env = { ...process.env, SHARELINKS_TEST_LOG_DIR: dir, TURBO_TELEMETRY_DISABLED: "1" };
const started = Date.now();

/** Runs a command with its output passed through, and keeps a copy to count from. */
const run = (command, args) =>
  new Promise((resolve) => {
    let output = "";
    const child = spawn(command, args, { cwd: root, env, stdio: ["inherit", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });

// --continue: one failing package must not hide the others' results (or their log lines from the scan).
// Two packages at a time: every package's databases (PGlite in memory, PostgreSQL
// databases named per run), Redis keys (a random prefix per test) and ports (0)
// are its own, and the files of one package wait on databases, child processes and
// timers often enough that a second package fills the gaps. Web's `test` is two
// tasks (turbo.json): `test:unit`, and `test:e2e`, the only one that waits for
// its production build.
const tests = await run("turbo", ["run", "test", "--concurrency=2", "--continue"]);
const scan = await run(process.execPath, [
  "scripts/pnpm.mjs",
  "--silent",
  "--filter",
  "@sharelinks/edge",
  "scan-test-logs",
  dir,
]);
if (scan.code === 0) rmSync(dir, { recursive: true, force: true });
else process.stderr.write(`log scan failed; the lines are kept in ${path.relative(root, dir)}\n`);

const tally = tallyVitestOutput(tests.output);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const verdict = tests.code === 0 && scan.code === 0 ? "OK" : "FAILED";
process.stdout.write(
  `\nnpm test ${verdict}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (each skip printed its reason above), ` +
    `${tally.files} test files, log scan ${scan.code === 0 ? "clean" : "FAILED"}, ${minutes} min of tests\n`,
);
process.exit(tests.code !== 0 ? tests.code : scan.code);
