// Type-checks the workspace with TypeScript 7, the native compiler: about
// eight times less CPU than 5.9's tsc on this repository (docs/benchmarks.md,
// "The test suite"). TypeScript 5.9 stays installed as `typescript` for the
// tools that load its JavaScript API (Next.js, dependency-cruiser, editors).
//
//   node scripts/typecheck.mjs            every project
//   node scripts/typecheck.mjs <dir>...   the projects in those directories
//
// Each project is checked on its own (its tsconfig, its own `types`), two at a
// time, each single-threaded: on two cores shared with the test lanes
// (scripts/check.mjs), the compiler's own parallel checkers spent four times
// the CPU (web under load: 14 s of CPU against 3.8, 76 s of wall against 27).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PROJECTS = [
  "packages/core",
  "packages/db",
  "packages/edge",
  "packages/api",
  "packages/rest",
  "apps/web",
  "bench",
];
// The package exports only package.json and its APIs; the CLI sits beside package.json.
const tsc = path.join(
  path.dirname(createRequire(path.join(root, "package.json")).resolve("typescript-7/package.json")),
  "bin",
  "tsc",
);

const projects =
  process.argv.length > 2
    ? process.argv.slice(2).map((dir) => path.resolve(dir))
    : PROJECTS.map((dir) => path.join(root, dir));

/** Runs one project's check, printing its diagnostics (if any) in one block. */
const check = (dir) =>
  new Promise((resolve) => {
    let output = "";
    const child = spawn(process.execPath, [tsc, "--noEmit", "--singleThreaded", "--pretty", "-p", dir], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("close", (code) => {
      const name = path.relative(root, dir) || ".";
      if (code === 0) process.stdout.write(`typecheck ${name}: ok\n`);
      else process.stdout.write(`typecheck ${name}: FAILED\n${output}\n`);
      resolve(code === 0);
    });
  });

const queue = [...projects];
const results = [];
const worker = async () => {
  for (let dir = queue.shift(); dir; dir = queue.shift()) results.push(await check(dir));
};
await Promise.all([worker(), worker()]);
process.exit(results.every(Boolean) ? 0 : 1);
