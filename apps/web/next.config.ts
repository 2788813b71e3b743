import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const config: NextConfig = {
  // The production bundle (scripts/assemble-bundle.mjs) starts from Next's
  // standalone output: the traced subset of node_modules instead of all of it.
  // Traced from the repository root so the workspace packages and pnpm's
  // store (node_modules/.pnpm) are inside the trace.
  output: "standalone",
  outputFileTracingRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."),
  // Native and process-bound modules must stay real Node modules: PGlite owns
  // its data directory per process, argon2 ships a .node binary.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pino", "ioredis"],
  transpilePackages: ["@sharelinks/core", "@sharelinks/db", "@sharelinks/api", "@sharelinks/rest"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // The test command type-checks every package (scripts/typecheck.mjs); doing it
  // again inside next build cost about 50 s of every first start.
  typescript: { ignoreBuildErrors: true },
  // Writing Turbopack's build cache cost 16-24 s of every first start (a build
  // with the cache 79 s, without 62 s, side by side); turbo's own cache already
  // skips the build when nothing changed, which is the common restart.
  experimental: { turbopackFileSystemCacheForBuild: false },
};

export default config;
