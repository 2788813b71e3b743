/**
 * The last step of `npm test`: every log line any test wrote this run (test
 * loggers, and the servers the browser tests started) is scanned for secret
 * and private data. Fails on any finding, and on a directory with no log line
 * at all (a run whose loggers wrote nowhere proves nothing).
 *
 *   tsx scripts/scan-test-logs.ts <run log directory>
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { plantedLines } from "../src/testing/planted";
import { scanLine, scanText } from "../src/testing/secret-scan";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: scan-test-logs <directory>\n");
  process.exit(2);
}

// First prove the scanner still sees each kind of secret, planted in a real log line.
const missed = plantedLines().filter(({ line }) => scanLine(line).length === 0);
if (missed.length > 0) {
  process.stderr.write(
    `log scan self-test failed: planted ${missed.map((m) => m.kind).join(", ")} not found\n`,
  );
  process.exit(1);
}

const files: string[] = [];
const walk = (current: string) => {
  for (const name of readdirSync(current)) {
    const full = path.join(current, name);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
};
try {
  walk(dir);
} catch (error) {
  process.stderr.write(`log scan: cannot read ${dir}: ${(error as Error).message}\n`);
  process.exit(1);
}

let logLines = 0;
let otherLines = 0;
const problems: string[] = [];
for (const file of files) {
  const result = scanText(readFileSync(file, "utf8"));
  logLines += result.logLines;
  otherLines += result.otherLines;
  for (const finding of result.findings) {
    problems.push(`  ${path.relative(dir, file)}:${finding.line}:${finding.column}  ${finding.kind}`);
  }
}

if (problems.length > 0) {
  process.stderr.write(
    `log scan: ${problems.length} finding(s) in ${logLines} log lines (${files.length} files). ` +
      `The matched text is not repeated here; open the file at the position given.\n${problems.slice(0, 200).join("\n")}\n`,
  );
  process.exit(1);
}
if (logLines === 0) {
  process.stderr.write(`log scan: no log line found in ${dir}; the test loggers wrote nowhere\n`);
  process.exit(1);
}
process.stdout.write(
  `log scan: ${logLines} log lines in ${files.length} files, no secret or private data ` +
    `(self-test: ${plantedLines().length} planted kinds caught; ${otherLines} non-log lines skipped)\n`,
);
