// Adds up vitest's per-task summary lines ("Test Files  3 passed (3)",
// "Tests  40 passed | 2 skipped (42)") from a whole run's output, behind turbo's
// "<package>:test: " or "<package>:test:e2e: " prefixes.
import { stripVTControlCharacters } from "node:util";

const countsOf = (line) => {
  const counts = {};
  for (const [, n, kind] of line.matchAll(/(\d+) (passed|failed|skipped|todo)/g)) counts[kind] = Number(n);
  return counts;
};

export const tallyVitestOutput = (output) => {
  const tally = { passed: 0, failed: 0, skipped: 0, files: 0 };
  for (const raw of stripVTControlCharacters(output).split("\n")) {
    const line = raw.replace(/^\S*?:test(?::[\w-]+)?:\s*/, "").trim();
    if (/^Test Files\s+\d/.test(line)) {
      const c = countsOf(line);
      tally.files += (c.passed ?? 0) + (c.failed ?? 0) + (c.skipped ?? 0);
    } else if (/^Tests\s+\d/.test(line)) {
      const c = countsOf(line);
      tally.passed += c.passed ?? 0;
      tally.failed += c.failed ?? 0;
      tally.skipped += (c.skipped ?? 0) + (c.todo ?? 0);
    }
  }
  return tally;
};
