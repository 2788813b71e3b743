import { createHash, randomBytes, randomUUID } from "node:crypto";
import { schema } from "@sharelinks/db";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@sharelinks/db/testing";
import { scanText } from "@sharelinks/edge/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestContext } from "./context";
import { handleRestRequest } from "./handler";
import { defineRoute } from "./route";
import { captureLogger } from "./test-support/harness";
import type { RestRequest } from "./types";

const request = (path: string): RestRequest => ({
  method: "GET",
  path,
  query: new URLSearchParams(),
  headers: {},
  clientIp: "192.0.2.1",
  readBody: async () => "",
});

/**
 * Issue 8, finding 3: a 500 caused by a real failed query whose parameters are
 * secrets (a token hash, a ciphertext, an argon2id hash, an email, snapshot
 * text) logs SQLSTATE and message, never the statement or a parameter. Before
 * the fix drizzle's `Failed query: … params: …` went into the error line whole.
 */
describe.each(testDatabaseKinds())("a failed query's 500 on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.cleanup());

  it("logs the SQLSTATE, never the query text or its parameters", async () => {
    const tokenHash = createHash("sha256").update(randomBytes(32)).digest("base64url");
    const ciphertext = `v1.${randomBytes(12).toString("base64url")}.${randomBytes(48).toString("base64url")}`;
    const argon = `$argon2id$v=19$m=65536,t=3,p=4$${randomBytes(16).toString("base64")}$${randomBytes(32).toString("base64")}`;
    const email = "private.person@example.test";
    const snapshot = "our secret launch plan";
    const logs = captureLogger();
    const ctx = createRestContext(
      {
        services: database.services,
        publicBaseUrl: "https://links.example.test",
        adminToken: "a".repeat(32),
        logger: logs.logger,
      },
      [
        defineRoute({
          method: "GET",
          path: "/v1/failed-query",
          operationId: "failedQuery",
          summary: "a query that fails with secret parameters",
          tag: "t",
          auth: "none",
          responses: { 200: { description: "never" } },
          // 23503 (no such brand), raised outside any use case: nothing translates it, so it is the 500 path that logs the error.
          handle: async () => {
            await database.db.orm.insert(schema.users).values({
              id: randomUUID(),
              brandId: randomUUID(),
              email,
              name: `${tokenHash} ${ciphertext} ${snapshot}`,
              role: "member",
              passwordHash: argon,
            });
            return { status: 200 };
          },
        }),
      ],
    );
    const res = await handleRestRequest(request("/v1/failed-query"), ctx);
    expect(res.status).toBe(500);
    const text = logs.lines.join("\n");
    const errorLine = logs.records().find((record) => record.level === 50) as {
      err: { code?: string; message: string; cause?: { code?: string } };
    };
    expect(errorLine).toBeDefined();
    expect(JSON.stringify(errorLine.err)).toContain("23503");
    for (const secret of [tokenHash, ciphertext, argon, email, "our secret launch plan", "insert into"])
      expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/params:/);
    expect(scanText(text).findings).toEqual([]);
  });
});
