// Bundles the production server entry into dist/server.mjs so it runs on plain
// `node`. Running TypeScript through tsx in production kept its loader thread
// (about 50 MB) alive for the life of the process. Workspace packages
// (@sharelinks/*, TypeScript sources) are bundled in; every npm package stays
// external and is resolved from apps/web/node_modules at run time, which is why
// apps/web lists the db and rest packages' runtime dependencies itself.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const externalNpmPackages = {
  name: "external-npm-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@sharelinks/") || args.path.startsWith("@/") ? undefined : { external: true },
    );
  },
};

// The server, and the onboarding CLI as its own entry (`node dist/cli.mjs`):
// the same code `pnpm sharelinks` runs from source.
const bundled = await build({
  metafile: true,
  entryPoints: {
    server: path.join(appDir, "server/main.ts"),
    cli: path.join(appDir, "server/cli.ts"),
  },
  outdir: path.join(appDir, "dist"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  jsx: "automatic",
  sourcemap: true,
  alias: { "@": appDir },
  plugins: [externalNpmPackages],
  logLevel: "warning",
});

// Every npm package the bundle leaves external must resolve from apps/web at
// run time; a workspace package's dependency that apps/web does not list would
// only fail when the server starts (it did: pg-boss), so the build fails here.
const packageOf = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
const resolvable = (name) => {
  for (let dir = appDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules", name, "package.json"))) return true;
    if (path.dirname(dir) === dir) return false;
  }
};
const unresolved = new Set();
for (const output of Object.values(bundled.metafile.outputs)) {
  for (const { path: specifier, external } of output.imports) {
    if (external && !isBuiltin(specifier) && !resolvable(packageOf(specifier)))
      unresolved.add(packageOf(specifier));
  }
}
if (unresolved.size > 0) {
  console.error(
    `bundle-server: apps/web must list these runtime dependencies: ${[...unresolved].join(", ")}`,
  );
  process.exit(1);
}

// packages/db finds its committed SQL at ../drizzle relative to its own module;
// once bundled, that module is dist/server.mjs, so the SQL goes beside dist/.
const migrations = path.join(appDir, "drizzle");
rmSync(migrations, { recursive: true, force: true });
cpSync(path.resolve(appDir, "../../packages/db/drizzle"), migrations, { recursive: true });

// A migrated embedded database for first starts to copy (see PGLITE_IMAGE_DIR in
// server/bootstrap.ts): initdb then runs here, once per build, not in the server.
const image = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    path.join(appDir, "scripts/build-pglite-image.ts"),
    path.join(appDir, "dist/pglite-image"),
  ],
  { cwd: appDir, stdio: "inherit" },
);
if (image.status !== 0) process.exit(image.status ?? 1);
