// Runs the pinned pnpm whether or not one is installed. A fresh machine has
// only Node and npm, and corepack cannot be relied on (its signature check fails
// behind locked-down networks). Turbo and nested package scripts call `pnpm` by
// name, so a one-off `npx pnpm` is not enough: the pinned version is installed
// once into ./.tools and put first on PATH for everything this command starts.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).packageManager.split("@")[1];
const windows = process.platform === "win32";

const versionOf = (command, env = process.env) => {
  const probe = spawnSync(command, ["--version"], { encoding: "utf8", shell: windows, env });
  return probe.status === 0 ? probe.stdout.trim() : null;
};

const env = { ...process.env };
if (versionOf("pnpm") !== pinned) {
  const tools = path.join(root, ".tools");
  const bin = path.join(tools, "node_modules", ".bin");
  if (!existsSync(path.join(bin, windows ? "pnpm.cmd" : "pnpm"))) {
    console.error(`Installing pnpm ${pinned} into .tools/ (once)...`);
    const install = spawnSync(
      "npm",
      [
        "install",
        "--prefix",
        tools,
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        `pnpm@${pinned}`,
      ],
      { stdio: "inherit", shell: windows },
    );
    if (install.status !== 0) process.exit(install.status ?? 1);
  }
  env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ""}`;
}

const run = spawnSync("pnpm", process.argv.slice(2), { stdio: "inherit", shell: windows, env });
process.exit(run.status ?? 1);
