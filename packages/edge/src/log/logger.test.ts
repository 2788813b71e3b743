import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

const capture = () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: "info",
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines };
};

describe("createLogger", () => {
  it("redacts secret fields at the top level and one level down", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: "hunter2hunter2",
        email: "pat@example.test",
        headers: { authorization: "Bearer slk_x", cookie: "sl_session=abc" },
        user: { email: "pat@example.test", passwordHash: "$argon2id$..." },
        share: { tokenHash: "h", tokenCiphertext: "c", snapshot: { title: "Q1" } },
      },
      "careless",
    );
    const line = lines.join("");
    for (const secret of ["hunter2", "pat@example.test", "slk_x", "sl_session", "$argon2id", '"Q1"']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line).headers.authorization).toBe("[redacted]");
  });

  it("serializes errors under `err` with the safe serializer", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error("Failed query: select 1\nparams: pat@example.test") }, "boom");
    const record = JSON.parse(lines[0] as string);
    expect(record.err.message).toBe("Failed query (statement and parameters withheld)");
    expect(lines[0]).not.toContain("pat@example.test");
  });
});
