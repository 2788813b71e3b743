import type { NextConfig } from "next";

const config: NextConfig = {
  // Native and process-bound modules must stay real Node modules: PGlite owns
  // its data directory per process, argon2 ships a .node binary.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pino", "ioredis"],
  transpilePackages: ["@sharelinks/core", "@sharelinks/db", "@sharelinks/api", "@sharelinks/rest"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default config;
