// `npm test`'s test step: runs every package's tests with a run-scoped log
// directory (every test logger, and every server the tests start, writes its
// lines there), then scans all of them for secret and private data
// (packages/edge/scripts/scan-test-logs.ts). Fails if either fails.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, ".test-logs", `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const env = { ...process.env, SHARELINKS_TEST_LOG_DIR: dir };

const run = (command, args) => spawnSync(command, args, { cwd: root, env, stdio: "inherit" }).status ?? 1;

const tests = run("turbo", ["run", "test", "--concurrency=1"]);
const scan = run(process.execPath, [
  "scripts/pnpm.mjs",
  "--silent",
  "--filter",
  "@sharelinks/edge",
  "scan-test-logs",
  dir,
]);
if (scan === 0) rmSync(dir, { recursive: true, force: true });
else process.stderr.write(`log scan failed; the lines are kept in ${path.relative(root, dir)}\n`);
process.exit(tests !== 0 ? tests : scan);
