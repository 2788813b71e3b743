import { describe, expect, it } from "vitest";
import { policyFieldError } from "./policy-errors";

describe("policy refusals as sentences", () => {
  it("names the brand's maximum on the expiry field", () => {
    expect(
      policyFieldError({ reason: "exceeds_brand_max_expiry", max_expiration_days: 30, limit: 30 }),
    ).toEqual({
      field: "expiration_days",
      sentence: "Your brand allows links of at most 30 days. Choose 30 or fewer.",
    });
    expect(policyFieldError({ reason: "exceeds_brand_max_expiry", limit: 1 })?.sentence).toBe(
      "Your brand allows links of at most 1 day. Choose 1 or fewer.",
    );
  });

  it("asks for a password, and keeps the default under the maximum", () => {
    expect(policyFieldError({ reason: "password_required_by_policy" })?.field).toBe("password");
    expect(policyFieldError({ reason: "default_exceeds_max_expiry", max_expiration_days: 14 })).toEqual({
      field: "default_expiration_days",
      sentence: "The default can't be longer than the maximum (14 days).",
    });
  });

  it("is null for anything else", () => {
    expect(policyFieldError({ reason: "share_limit_reached", limit: 50 })).toBeNull();
    expect(policyFieldError(null)).toBeNull();
    expect(policyFieldError({})).toBeNull();
  });
});
