// The pinned pnpm, whether or not one is installed. A fresh machine has only
// Node and npm, and corepack cannot be relied on (its signature check fails
// behind locked-down networks). Turbo and nested package scripts call `pnpm` by
// name, so a one-off `npx pnpm` is not enough: the pinned version is installed
// once into ./.tools and put first on PATH for everything started with the
// returned environment.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const windows = process.platform === "win32";
const pinned = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).packageManager.split("@")[1];

const versionOf = (command, env) => {
  const probe = spawnSync(command, ["--version"], { encoding: "utf8", shell: windows, env });
  return probe.status === 0 ? probe.stdout.trim() : null;
};

/** The environment to start pnpm (and turbo, which calls it) with. Exits when pnpm cannot be installed. */
export const pinnedPnpmEnv = (base = process.env) => {
  // pnpm's "update available" banner is noise for a pinned version.
  const env = { ...base, npm_config_update_notifier: "false" };
  if (versionOf("pnpm", env) === pinned) return env;
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
  env.PATH = `${bin}${path.delimiter}${base.PATH ?? ""}`;
  return env;
};
