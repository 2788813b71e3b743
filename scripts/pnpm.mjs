// Runs the pinned pnpm (see lib/pinned-pnpm.mjs) with this command's arguments.
import { spawnSync } from "node:child_process";
import { pinnedPnpmEnv, windows } from "./lib/pinned-pnpm.mjs";

const run = spawnSync("pnpm", process.argv.slice(2), {
  stdio: "inherit",
  shell: windows,
  env: pinnedPnpmEnv(),
});
process.exit(run.status ?? 1);
