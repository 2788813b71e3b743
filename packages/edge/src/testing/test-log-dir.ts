import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Where every test logger of this run writes its lines, so a last step of
 * `npm test` can scan all of them for secrets (scripts/check.mjs
 * sets it). Unset: lines stay in memory only.
 */
export const TEST_LOG_DIR_ENV = "SHARELINKS_TEST_LOG_DIR";

let counter = 0;

/** A fresh file path in the run's log directory, or null when none is configured. */
export const testLogFile = (name: string): string | null => {
  const dir = process.env[TEST_LOG_DIR_ENV];
  if (!dir) return null;
  mkdirSync(dir, { recursive: true });
  counter += 1;
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 60);
  return path.join(dir, `${safe}-${process.pid}-${counter}.log`);
};
