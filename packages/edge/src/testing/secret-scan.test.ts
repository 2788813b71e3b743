import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createLogger } from "../log/logger";
import { plantedLines } from "./planted";
import { scanLine, scanText } from "./secret-scan";

describe("the log secret scan", () => {
  it.each(plantedLines().map((planted) => [planted.kind, planted.line]))(
    "catches a planted %s",
    (_kind, line) => {
      expect(scanLine(line).length).toBeGreaterThan(0);
    },
  );

  it("passes what the service really logs: access lines, masked paths, serialized errors", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "info",
      destination: { write: (line: string) => void lines.push(line) },
    });
    logger.info(
      {
        request_id: randomUUID(),
        method: "GET",
        route: "/v1/shared/{token}",
        status: 200,
        duration_ms: 1.25,
        surface: "rest",
      },
      "request",
    );
    logger.info(
      { request_id: randomUUID(), method: "GET", route: null, path: "/shared/***", status: 404 },
      "request",
    );
    logger.warn(
      { err: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) },
      "down",
    );
    logger.info({ password: "x", user: { email: "a@b.test" } }, "redacted fields keep their keys");
    const result = scanText(lines.join(""));
    expect(result.logLines).toBe(4);
    expect(result.findings).toEqual([]);
  });

  it("reports where, never what, and skips lines that are not log lines", () => {
    const token = "A".repeat(43);
    const result = scanText(`sharelinks is running\n{"level":30,"msg":"x","path":"/v1/shared/${token}"}\n`);
    expect(result.otherLines).toBe(1);
    expect(result.findings).toEqual([
      { kind: expect.stringContaining("token"), line: 2, column: expect.any(Number) },
    ]);
    expect(JSON.stringify(result)).not.toContain(token);
  });
});
