// Runs the pinned pnpm whether or not it is installed: a fresh machine has only
// Node and npm, and corepack cannot be relied on (its signature check fails in
// locked-down networks), so we fall back to `npx pnpm@<pinned>`.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const pinned = JSON.parse(readFileSync(new URL("../package.json", import.meta.url))).packageManager.split("@")[1];
const args = process.argv.slice(2);

const local = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
const useLocal = local.status === 0 && local.stdout.trim() === pinned;
const [cmd, cmdArgs] = useLocal ? ["pnpm", args] : ["npx", ["-y", `pnpm@${pinned}`, ...args]];

const run = spawnSync(cmd, cmdArgs, { stdio: "inherit", shell: process.platform === "win32" });
process.exit(run.status ?? 1);
