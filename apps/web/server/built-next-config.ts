import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

/**
 * The Next.js config `next build` serialized into .next/required-server-files.json,
 * handed to `next()` the way Next's own standalone server.js does (the
 * __NEXT_PRIVATE_STANDALONE_CONFIG variable plus `conf`). A production start
 * then never loads next.config.ts: the production bundle carries neither that
 * file nor the compiler to read it, and Next does not warn that `next start`
 * does not support `output: "standalone"`.
 */
export const builtNextConfig = (appDir: string): NextConfig => {
  const file = path.join(appDir, ".next", "required-server-files.json");
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: NextConfig };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  return config;
};
