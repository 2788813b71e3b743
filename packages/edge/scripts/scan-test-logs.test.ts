import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plantedLines } from "../src/testing/planted";

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "scan-test-logs.ts");
const scan = (dir: string) =>
  spawnSync(process.execPath, ["--import", "tsx", script, dir], { encoding: "utf8" });
const dirWith = (files: Record<string, string>) => {
  const dir = mkdtempSync(path.join(tmpdir(), "sharelinks-scan-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
};
const clean =
  '{"level":30,"time":1,"pid":1,"hostname":"h","request_id":"3f9c7e8a-1b6a-4d8e-92cf-7d9c8b1e2a04","route":"/v1/shares","status":200,"msg":"request"}\n';

describe("scan-test-logs (the last step of npm test)", () => {
  it("passes a directory of clean log lines", () => {
    const result = scan(dirWith({ "a.log": clean.repeat(3), "b.log": `banner line\n${clean}` }));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("4 log lines in 2 files, no secret");
  });

  it.each(plantedLines().map((planted) => [planted.kind, planted.line]))(
    "fails on a planted %s, naming the file and line but not the secret",
    (_kind, line) => {
      const result = scan(dirWith({ "clean.log": clean, "leak.log": `${clean}${line}\n` }));
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/leak\.log:2:\d+/);
      expect(result.stderr).not.toContain(line.slice(line.indexOf('"msg"') - 40));
    },
  );

  it("fails when no log line was written at all", () => {
    const result = scan(dirWith({ "banner.log": "sharelinks is running\n" }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no log line found");
  });
});
