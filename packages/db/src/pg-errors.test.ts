import { isDomainError } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { translateDbError } from "./pg-errors";

describe("translateDbError: the one classification of database failures", () => {
  it.each([
    [
      "ECONNREFUSED",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    ],
    [
      "a postgres.js CONNECT_TIMEOUT",
      Object.assign(new Error("write CONNECT_TIMEOUT"), { code: "CONNECT_TIMEOUT" }),
    ],
    ["SQLSTATE 57P01", Object.assign(new Error("terminating connection"), { code: "57P01" })],
    ["SQLSTATE class 08", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["a spent serialization retry", Object.assign(new Error("could not serialize"), { code: "40001" })],
    ["a closed PGlite", new Error("PGlite is closed")],
    [
      "a wrapped driver error",
      new Error("Failed query: select 1", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }),
    ],
    [
      "an AggregateError of refusals",
      new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })], "all failed"),
    ],
  ])("%s -> service_unavailable with core's one retry_after, the original kept as cause", (_label, error) => {
    const translated = translateDbError(error);
    expect(isDomainError(translated) && translated.code).toBe("service_unavailable");
    expect(isDomainError(translated) && translated.details).toEqual({ retry_after: 1 });
    expect((translated as { cause?: unknown }).cause).toBe(error);
  });

  it.each([
    ["22021 (NUL in text)", "22021"],
    ["22P05 (unsupported Unicode escape in jsonb)", "22P05"],
    ["22008 (date out of range)", "22008"],
    ["22P02 (invalid text representation)", "22P02"],
  ])("SQLSTATE %s -> validation_error, never a 500", (_label, code) => {
    const error = new Error("Failed query: insert ... params: secret", {
      cause: Object.assign(new Error("invalid byte sequence"), { code }),
    });
    const translated = translateDbError(error);
    expect(isDomainError(translated) && translated.code).toBe("validation_error");
    expect(isDomainError(translated) && translated.details).toEqual({ reason: "invalid_value" });
    expect((translated as Error).message).not.toContain("secret");
  });

  it.each([
    ["a TypeError", new TypeError("x is undefined")],
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    ["a string", "boom"],
  ])("leaves %s alone (a bug, or for the repository to judge)", (_label, error) => {
    expect(translateDbError(error)).toBe(error);
  });
});
