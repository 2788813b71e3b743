import { DomainError, ERROR_CODES, notFound } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { domainErrorOf, errorEnvelope, HTTP_STATUS_BY_CODE } from "./errors";

describe("error mapping", () => {
  it("maps every catalog code to the SPEC §4 status", () => {
    expect(Object.keys(HTTP_STATUS_BY_CODE).sort()).toEqual([...ERROR_CODES].sort());
    expect(HTTP_STATUS_BY_CODE).toEqual({
      validation_error: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      gone: 410,
      body_validation_error: 422,
      rate_limit_exceeded: 429,
      internal_error: 500,
      service_unavailable: 503,
    });
  });

  it("finds a DomainError however deep it is wrapped", () => {
    const inner = notFound("Share");
    expect(domainErrorOf(inner)).toBe(inner);
    expect(domainErrorOf(new Error("outer", { cause: new Error("mid", { cause: inner }) }))).toBe(inner);
  });

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
  ])("treats %s as service_unavailable with retry_after", (_label, error) => {
    const mapped = domainErrorOf(error);
    expect(mapped?.code).toBe("service_unavailable");
    expect(mapped?.details?.retry_after).toBeGreaterThan(0);
  });

  it.each([
    ["a TypeError", new TypeError("x is undefined")],
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" })],
    ["a string", "boom"],
    ["null", null],
  ])("leaves %s as a bug (null -> 500)", (_label, error) => {
    expect(domainErrorOf(error)).toBeNull();
  });

  it("the envelope carries details only when there are some", () => {
    const id = "9f6c4e8a-1d3b-4c8b-9f1e-7a3b1c2d3e4f";
    expect(JSON.parse(errorEnvelope(notFound("Share"), id))).toEqual({
      error: { code: "not_found", message: "Share not found" },
      request_id: id,
    });
    const withDetails = new DomainError("validation_error", "Cap", {
      reason: "share_limit_reached",
      limit: 50,
    });
    expect(JSON.parse(errorEnvelope(withDetails, id)).error.details).toEqual({
      reason: "share_limit_reached",
      limit: 50,
    });
  });
});
