import { describe, expect, it } from "vitest";
import { serializeError } from "./error-serializer";

const TOKEN_HASH = "q0F3Jk1xS9vGk2m3N4b5V6c7X8z9A0s1D2f3G4h5J6k";
const CIPHERTEXT = "v1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB.CCCCCCCCCCCC";

/** The shape of the errors the hardening report found in the logs: drizzle over a driver error. */
const drizzleError = () => {
  const driver = Object.assign(
    new Error('duplicate key value violates unique constraint "users_email_key"'),
    {
      name: "PostgresError",
      code: "23505",
      constraint: "users_email_key",
      severity: "ERROR",
      detail: "Key (email)=(pat.doe@example.test) already exists.",
      query: "insert into users (email, password_hash) values ($1, $2)",
      parameters: ["pat.doe@example.test", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"],
    },
  );
  const wrapped = new Error(
    `Failed query: insert into shares (token_hash, token_ciphertext) values ($1, $2)\nparams: ${TOKEN_HASH},${CIPHERTEXT}`,
    { cause: driver },
  );
  wrapped.name = "DrizzleQueryError";
  return wrapped;
};

describe("serializeError", () => {
  it("keeps type, SQLSTATE, constraint and the driver's message; never the statement, parameters or detail", () => {
    const out = serializeError(drizzleError());
    expect(out.type).toBe("DrizzleQueryError");
    expect(out.message).toBe("Failed query (statement and parameters withheld)");
    expect(out.cause).toMatchObject({
      type: "PostgresError",
      message: 'duplicate key value violates unique constraint "users_email_key"',
      code: "23505",
      constraint: "users_email_key",
      severity: "ERROR",
    });
    const text = JSON.stringify(out);
    for (const secret of [
      TOKEN_HASH,
      CIPHERTEXT,
      "pat.doe@example.test",
      "$argon2id",
      "insert into",
      "params",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("keeps stack frames but not the message lines a stack starts with", () => {
    const out = serializeError(drizzleError());
    expect(out.stack).toMatch(/^\s+at /);
    expect(out.stack).not.toContain("Failed query");
    expect(out.stack).not.toContain(TOKEN_HASH);
  });

  it("masks secrets in any other message and shortens pnpm store paths", () => {
    const error = new Error(`could not find session for token ${TOKEN_HASH} of pat.doe@example.test`);
    error.stack = `Error: x\n    at f (/repo/node_modules/.pnpm/postgres@3.4.9_patch_hash=${"a".repeat(64)}/node_modules/postgres/src/q.js:1:1)`;
    const out = serializeError(error);
    expect(out.message).not.toContain(TOKEN_HASH);
    expect(out.message).not.toContain("pat.doe");
    expect(out.stack).toBe("    at f (/repo/node_modules/postgres/src/q.js:1:1)");
  });

  it("walks AggregateErrors and survives cycles and non-errors", () => {
    const a: Error & { cause?: unknown } = new Error("a");
    a.cause = a;
    const out = serializeError(
      new AggregateError([Object.assign(new Error("refused"), { code: "ECONNREFUSED" }), a], "all"),
    );
    expect(out.errors?.map((e) => e.code ?? e.message)).toEqual(["ECONNREFUSED", "a"]);
    expect(serializeError("boom")).toEqual({ type: "string", message: "boom" });
  });
});
