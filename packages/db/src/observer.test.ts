import { afterEach, describe, expect, it } from "vitest";
import { type DbErrorClass, observeDb } from "./observer";
import { errorClassOf, translateDbError } from "./pg-errors";
import { withTransactionRetry } from "./transaction-retry";

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe("database observer", () => {
  afterEach(() => observeDb(null));

  it.each([
    ["ECONNREFUSED", "unavailable"],
    ["57P01", "unavailable"],
    ["40001", "serialization"],
    ["22021", "data"],
    ["23505", "constraint"],
    ["42P01", "other"],
  ] as const)("classes %s as %s", (code, kind) => {
    expect(errorClassOf(new Error("wrapped", { cause: pgError(code) }))).toBe(kind);
  });

  it("is told of each translated database error and of each retry, and not of domain errors", async () => {
    const seen: DbErrorClass[] = [];
    let retries = 0;
    observeDb({ error: (k) => seen.push(k), transactionRetry: () => retries++, shareEvent() {} });
    translateDbError(pgError("23505"));
    translateDbError(new Error("a bug, not the database"));
    let attempts = 0;
    await withTransactionRetry(
      async () => {
        attempts += 1;
        if (attempts < 3) throw pgError("40P01");
        return "ok";
      },
      { retries: 3, baseDelayMs: 1 },
    );
    expect(seen).toEqual(["constraint"]);
    expect(retries).toBe(2);
  });
});
