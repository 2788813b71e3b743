import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { errorMessage, fieldErrorsOf, retryAfterOf, waitSentence } from "./errors";

/** A client error as the dashboard receives it from the server's error formatter. */
const clientError = (code: string, data: Record<string, unknown>, message = "x") =>
  TRPCClientError.from({ error: { code: -32600, message, data: { code, ...data } } });

describe("reading API errors", () => {
  it("says how long to wait when the server is throttling", () => {
    const throttled = clientError("TOO_MANY_REQUESTS", {
      domainCode: "rate_limit_exceeded",
      details: { retry_after: 42 },
    });
    expect(retryAfterOf(throttled)).toBe(42);
    expect(errorMessage(throttled)).toBe("Too many attempts. Try again in 42 seconds.");
    expect(errorMessage(clientError("TOO_MANY_REQUESTS", { details: { retry_after: "125" } }))).toBe(
      "Too many attempts. Try again in 3 minutes.",
    );
    expect(errorMessage(clientError("TOO_MANY_REQUESTS", { details: null }))).toBe(
      "Too many attempts. Wait a moment and try again.",
    );
    expect(waitSentence(1)).toBe("Try again in 1 second.");
    expect(waitSentence(60)).toBe("Try again in 1 minute.");
  });

  it("turns field issues into sentences, on the fields and in a banner", () => {
    const invalid = clientError("BAD_REQUEST", {
      domainCode: "body_validation_error",
      details: { errors: [{ path: "expiration_days", message: "Too big: expected number to be <=365" }] },
    });
    expect(fieldErrorsOf(invalid)).toEqual({ expiration_days: "Choose between 1 and 365 days." });
    expect(errorMessage(invalid)).toBe("Choose between 1 and 365 days.");
  });
});
