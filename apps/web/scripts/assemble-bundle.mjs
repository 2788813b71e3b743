// Assembles the production bundle, apps/web/bundle/: everything the server
// needs to run on a machine with only Node installed, and nothing else
// (docs/operations.md, "Production bundle"). Run by `pnpm build` after
// `next build` (output: "standalone") and scripts/bundle-server.mjs.
//
// The bundle mirrors the repository's layout, because pnpm's node_modules are
// relative symlinks into node_modules/.pnpm that only resolve at the same depth:
//   server.mjs, cli.mjs        entries: `node server.mjs`, `node cli.mjs migrate`
//   apps/web/.next             Next's standalone server output, plus .next/static
//   apps/web/dist              the bundled server and CLI, the migrated PGlite image
//   apps/web/drizzle           the migrations
//   node_modules/              Next's traced files plus those of the bundled server
// Instead of copying node_modules whole (490 MB), the files the bundled server
// and CLI reach are traced with @vercel/nft, the tracer `next build` itself uses.
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// `npm start` runs the app from dist/ and .next/ in place and never needs the
// bundle: skipping it saves a first start the trace (10-15 s). The variable is
// in turbo.json's build env, so a later `pnpm build` does not take a bundle-less
// build from the cache.
if (process.env.SHARELINKS_SKIP_BUNDLE === "1") {
  process.stdout.write("assemble-bundle: skipped (SHARELINKS_SKIP_BUNDLE=1, npm start)\n");
  process.exit(0);
}

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const root = path.resolve(appDir, "../..");
const appPath = path.relative(root, appDir); // apps/web
const standalone = path.join(appDir, ".next", "standalone");
const out = path.join(appDir, "bundle");
const started = Date.now();

if (!existsSync(path.join(standalone, appPath, ".next", "BUILD_ID"))) {
  console.error(
    `assemble-bundle: ${path.relative(root, standalone)} is missing: next.config.ts must set output: "standalone"`,
  );
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
// verbatimSymlinks: pnpm's relative links stay relative (cpSync would otherwise
// point them back at this checkout, and the bundle would only work here).
const copy = (from, to) => cpSync(from, to, { recursive: true, verbatimSymlinks: true });
copy(standalone, out);
// Next's own entry: the server is ours (apps/web/dist/server.mjs), in front of Next.
rmSync(path.join(out, appPath, "server.js"));

// What standalone leaves to the CDN or the deployer: the browser assets.
const outApp = path.join(out, appPath);
copy(path.join(appDir, ".next", "static"), path.join(outApp, ".next", "static"));
if (existsSync(path.join(appDir, "public"))) copy(path.join(appDir, "public"), path.join(outApp, "public"));
for (const name of ["server.mjs", "cli.mjs", "pglite-image"]) {
  copy(path.join(appDir, "dist", name), path.join(outApp, "dist", name));
}
copy(path.join(appDir, "drizzle"), path.join(outApp, "drizzle"));
// PGlite writes its files owner-only; the bundle's copy is readable by all, since
// the server usually runs as another user than the one who installed it (the
// Dockerfile's `node` user, files owned by root). A first start copies the image
// into DATA_DIR owner-only again (copyPgliteImage in packages/db).
const readableByAll = (dir) => {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) readableByAll(path.join(dir, entry.name));
    else chmodSync(path.join(dir, entry.name), 0o644);
  }
};
readableByAll(path.join(outApp, "dist", "pglite-image"));

// The npm packages the bundled server and CLI import (esbuild left them
// external): their files, PGlite's wasm and data files and argon2's native
// binary included. Next.js itself is in the standalone trace already; tracing
// it again doubled the time for nothing.
const require = createRequire(path.join(appDir, "package.json"));
const { nodeFileTrace } = require("next/dist/compiled/@vercel/nft");
const copiedByHand = [`${appPath}/dist/`, `${appPath}/drizzle/`];
const traced = await nodeFileTrace(
  [path.join(appDir, "dist", "server.mjs"), path.join(appDir, "dist", "cli.mjs")],
  {
    base: root,
    processCwd: appDir,
    ignore: (file) =>
      copiedByHand.some((prefix) => file.startsWith(prefix)) || /^node_modules\/\.pnpm\/next@/.test(file),
  },
);

const insideRoot = (target) => !path.relative(root, target).startsWith("..");
let added = 0;
for (const file of traced.fileList) {
  if (copiedByHand.some((prefix) => file.startsWith(prefix))) continue;
  const from = path.join(root, file);
  const to = path.join(out, file);
  if (lstatSync(to, { throwIfNoEntry: false })) continue;
  mkdirSync(path.dirname(to), { recursive: true });
  const stat = lstatSync(from);
  if (stat.isSymbolicLink()) {
    const target = readlinkSync(from);
    if (path.isAbsolute(target) || !insideRoot(path.resolve(path.dirname(from), target))) {
      console.error(`assemble-bundle: ${file} links outside the repository (${target})`);
      process.exit(1);
    }
    symlinkSync(target, to);
  } else if (stat.isFile()) {
    cpSync(from, to, { preserveTimestamps: true });
  } else continue;
  added += 1;
}

// The entries. NODE_ENV is production as in Next's standalone server.js: the
// trace holds React's production build, and a bundle is a production server.
const entry = (target, what) =>
  [
    `// sharelinks production bundle: ${what} (docs/operations.md, "Production bundle").`,
    `process.env.NODE_ENV = "production";`,
    `await import("./${appPath}/dist/${target}");`,
    "",
  ].join("\n");
writeFileSync(path.join(out, "server.mjs"), entry("server.mjs", "the server, `node server.mjs`"));
writeFileSync(path.join(out, "cli.mjs"), entry("cli.mjs", "the CLI, `node cli.mjs migrate`"));

// Every link must land inside the bundle, or the bundle only runs beside this checkout.
let bytes = 0;
const check = (dir) => {
  for (const entryName of readdirSync(dir)) {
    const full = path.join(dir, entryName);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) {
      const target = readlinkSync(full);
      const resolved = path.resolve(dir, target);
      if (path.isAbsolute(target) || path.relative(out, resolved).startsWith("..") || !existsSync(resolved)) {
        console.error(
          `assemble-bundle: ${path.relative(out, full)} -> ${target} does not resolve inside the bundle`,
        );
        process.exit(1);
      }
    } else if (stat.isDirectory()) check(full);
    else bytes += stat.size;
  }
};
check(out);

console.log(
  `assemble-bundle: ${path.relative(root, out)} (${(bytes / 1e6).toFixed(1)} MB, ${added} traced files added to Next's standalone output) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
