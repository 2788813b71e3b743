import { DomainError, ERROR_CODES, notFound } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { errorEnvelope, HTTP_STATUS_BY_CODE } from "./errors";

describe("error mapping", () => {
  it("maps every catalog code to its status in docs/api.md (Errors)", () => {
    expect(Object.keys(HTTP_STATUS_BY_CODE).sort()).toEqual([...ERROR_CODES].sort());
    expect(HTTP_STATUS_BY_CODE).toEqual({
      validation_error: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      gone: 410,
      payload_too_large: 413,
      body_validation_error: 422,
      rate_limit_exceeded: 429,
      internal_error: 500,
      service_unavailable: 503,
    });
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
