// `npm start`: install, build, start, each phase announced with what it is
// doing and how long it usually takes, so a first start never sits silent.
// The server runs as this process's child (not through `pnpm run`), so Ctrl-C
// stops it without a package manager's ELIFECYCLE lines.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pinnedPnpmEnv, root, windows } from "./lib/pinned-pnpm.mjs";

const appDir = path.join(root, "apps/web");
const quietTools = {
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
};
const env = { ...pinnedPnpmEnv(), ...quietTools };
const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
let interrupted = false;
let child = null;

const phase = (step, title, estimate) => process.stdout.write(`\n[${step}/3] ${title} (${estimate})\n`);

/** Runs a command, echoing its output; says it is still working after each quiet stretch. */
const run = (command, args, options = {}) =>
  new Promise((resolve) => {
    const since = Date.now();
    let lastOutput = Date.now();
    child = spawn(command, args, {
      cwd: root,
      env,
      shell: windows,
      detached: !windows,
      stdio: ["ignore", "pipe", "pipe"],
      ...options,
    });
    child.stdout?.on("data", (chunk) => {
      lastOutput = Date.now();
      process.stdout.write(chunk);
    });
    child.stderr?.on("data", (chunk) => {
      lastOutput = Date.now();
      process.stderr.write(chunk);
    });
    const heartbeat = setInterval(() => {
      if (child?.stdout && Date.now() - lastOutput >= 10_000) {
        process.stdout.write(`      ... still working, ${seconds(since)} so far\n`);
        lastOutput = Date.now();
      }
    }, 1_000);
    child.on("close", (code) => {
      clearInterval(heartbeat);
      child = null;
      resolve(code ?? 1);
    });
  });

// The child runs in its own process group, so Ctrl-C reaches only this
// process, which passes it on once (the server drains); a second one ends it.
let signalled = 0;
const passOn = (signal) => {
  interrupted = true;
  if (!child) process.exit(0);
  child.kill(++signalled === 1 ? signal : "SIGKILL");
};
process.on("SIGINT", () => passOn("SIGINT"));
process.on("SIGTERM", () => passOn("SIGTERM"));

const fail = (what) => {
  if (interrupted) process.exit(0);
  process.stderr.write(`\n${what} failed (the reason is above). Fix it and run npm start again.\n`);
  process.exit(1);
};

// pnpm rewrites node_modules/.modules.yaml on every install: newer than the
// lockfile, the catalog and every package.json means there is nothing to do
// (a no-op install still cost seconds of every restart).
const mtimeOf = (file) => (existsSync(file) ? statSync(file).mtimeMs : Number.POSITIVE_INFINITY);
const installInputs = [
  "pnpm-lock.yaml",
  "pnpm-workspace.yaml",
  "package.json",
  ...["apps", "packages"].flatMap((dir) =>
    readdirSync(path.join(root, dir)).map((name) => path.join(dir, name, "package.json")),
  ),
  "bench/package.json",
].map((file) => path.join(root, file));
const installedAt = existsSync(path.join(root, "node_modules", ".modules.yaml"))
  ? statSync(path.join(root, "node_modules", ".modules.yaml")).mtimeMs
  : 0;
const upToDate =
  installedAt > 0 && installInputs.every((file) => !existsSync(file) || mtimeOf(file) < installedAt);
if (upToDate) {
  process.stdout.write("\n[1/3] Dependencies are up to date (nothing changed since the last install)\n");
} else {
  phase(1, "Installing dependencies", installedAt === 0 ? "first run: about 1-2 minutes" : "a few seconds");
  if ((await run("pnpm", ["install", "--frozen-lockfile", "--reporter=append-only"])) !== 0)
    fail("Installing");
}

const firstBuild = !existsSync(path.join(appDir, "dist", "server.mjs"));
phase(2, "Building the app", firstBuild ? "first run: about 1-2 minutes" : "seconds when nothing changed");
const turbo = path.join(root, "node_modules", ".bin", windows ? "turbo.cmd" : "turbo");
const build = await run(
  turbo,
  ["run", "build", "--filter=@sharelinks/web", "--output-logs=new-only", "--log-prefix=none"],
  // The production bundle (apps/web/bundle) is for deploys; this start runs the app in place.
  { env: { ...env, SHARELINKS_SKIP_BUNDLE: "1" } },
);
if (build !== 0) fail("The build");

phase(3, "Starting the server", "preparing the database and demo data: a few seconds");
const server = await run(process.execPath, ["dist/server.mjs"], {
  cwd: appDir,
  env: { ...env, NODE_ENV: "production" },
  stdio: ["ignore", "inherit", "inherit"],
});
if (interrupted) process.exit(0);
if (server !== 0) fail(`The server (after ${seconds(started)})`);
