import { describe, expect, it } from "vitest";
import {
  bodyValidationError,
  conflict,
  DomainError,
  forbidden,
  gone,
  isDomainError,
  notFound,
  serviceUnavailable,
  unauthorized,
  validationError,
} from "./errors";

describe("DomainError", () => {
  it("is an Error carrying a catalog code and optional details", () => {
    const error = validationError("too many", { reason: "share_limit_reached", limit: 50 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("validation_error");
    expect(error.message).toBe("too many");
    expect(error.details).toEqual({ reason: "share_limit_reached", limit: 50 });
  });

  it.each([
    [notFound("Share"), "not_found", "Share not found"],
    [forbidden(), "forbidden", undefined],
    [conflict("busy"), "conflict", "busy"],
    [gone(), "gone", undefined],
    [unauthorized(), "unauthorized", undefined],
  ])("builds %s with code %s", (error, code, message) => {
    expect(error.code).toBe(code);
    if (message) expect(error.message).toBe(message);
    expect(error.message).not.toBe("");
    expect(error.details).toBeUndefined();
  });

  it("carries field issues on a body validation error", () => {
    const error = bodyValidationError([{ path: "share_ids", message: "Too big" }]);
    expect(error.code).toBe("body_validation_error");
    expect(error.details).toEqual({ errors: [{ path: "share_ids", message: "Too big" }] });
  });

  it("carries retry_after on service_unavailable", () => {
    expect(serviceUnavailable(2)).toMatchObject({ code: "service_unavailable", details: { retry_after: 2 } });
  });

  it("is recognised by isDomainError, plain errors are not", () => {
    expect(isDomainError(gone())).toBe(true);
    expect(isDomainError(new Error("gone"))).toBe(false);
    expect(isDomainError({ code: "gone" })).toBe(false);
  });
});
