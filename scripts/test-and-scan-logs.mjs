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

/**
 * Runs a command with its output passed through, whole lines at a time (two
 * turbo runs share this terminal), and keeps a copy to count from.
 */
const run = (command, args) =>
  new Promise((resolve) => {
    let output = "";
    const child = spawn(command, args, { cwd: root, env, stdio: ["inherit", "pipe", "pipe"] });
    const passThrough = (stream, to) => {
      let pending = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk) => {
        output += chunk;
        const end = (pending + chunk).lastIndexOf("\n");
        if (end === -1) {
          pending += chunk;
          return;
        }
        to.write((pending + chunk).slice(0, end + 1));
        pending = (pending + chunk).slice(end + 1);
      });
      stream.on("end", () => {
        if (pending) to.write(pending);
      });
    };
    passThrough(child.stdout, process.stdout);
    passThrough(child.stderr, process.stderr);
    child.on("close", (code) => resolve({ code: code ?? 1, output: `${output}\n` }));
  });

// Two turbo runs side by side, so that the longest chain, web's production build
// and then its end-to-end tests (`test:e2e`, the only task that waits for the
// build), starts at once instead of after every package's tests (turbo's
// scheduler would start the build last):
// - `test:e2e` of web, with the build (and any `^build`) it depends on;
// - every other test task, one at a time: each package's `test` and web's
//   `test:unit`. `--only` leaves out web's `test:e2e`, which web's `test` depends
//   on (turbo.json); it would leave out `^build` tasks too, but no package but web
//   has a build, and web's build runs in the first run.
// Two things at a time on a two-core machine, as before: every package's databases
// (PGlite in memory, PostgreSQL databases named per run), Redis keys (a random
// prefix per test) and ports (0) are its own, and the files of one package wait on
// databases, child processes and timers often enough that the other run fills the
// gaps. A third (two packages beside the build or the browser tests) starved the
// timing-bound database tests into their 30 s timeouts on a busy machine.
// --continue: one failing package must not hide the others' results (or their log lines from the scan).
const [e2e, others] = await Promise.all([
  run("turbo", ["run", "test:e2e", "--filter=@sharelinks/web", "--continue"]),
  run("turbo", ["run", "test", "test:unit", "--only", "--concurrency=1", "--continue"]),
]);
const tests = { code: e2e.code || others.code, output: e2e.output + others.output };
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
