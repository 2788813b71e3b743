import { describe, expect, it } from "vitest";
import { DEFAULT_TEST_NOW } from "../testing/fake-clock";
import {
  assertPasswordPolicy,
  assertWithinMaxExpiry,
  capCarriedExpiry,
  defaultExpirationDays,
} from "./policy-rules";
import { NO_SHARE_POLICY, type SharePolicy } from "./share-policy";

const policy = (fields: Partial<SharePolicy>): SharePolicy => ({ ...NO_SHARE_POLICY, ...fields });
const DAY = 86_400_000;
const now = new Date(DEFAULT_TEST_NOW);
const plusDays = (days: number) => new Date(now.getTime() + days * DAY);

describe("assertWithinMaxExpiry", () => {
  it("allows up to the maximum, refuses beyond it with the reason and the limit", () => {
    const max30 = policy({ max_expiration_days: 30 });
    expect(() => assertWithinMaxExpiry(max30, 30)).not.toThrow();
    expect(() => assertWithinMaxExpiry(max30, 1)).not.toThrow();
    expect(() => assertWithinMaxExpiry(max30, undefined)).not.toThrow();
    expect(() => assertWithinMaxExpiry(max30, 31)).toThrow(
      expect.objectContaining({
        code: "validation_error",
        details: {
          reason: "exceeds_brand_max_expiry",
          field: "expiration_days",
          max_expiration_days: 30,
          limit: 30,
        },
      }),
    );
  });

  it("without a maximum anything the schema allows passes", () => {
    expect(() => assertWithinMaxExpiry(NO_SHARE_POLICY, 365)).not.toThrow();
  });
});

describe("defaultExpirationDays", () => {
  it("is the brand's default, else 30, else the maximum when that is lower", () => {
    expect(defaultExpirationDays(NO_SHARE_POLICY)).toBe(30);
    expect(defaultExpirationDays(policy({ default_expiration_days: 7 }))).toBe(7);
    expect(defaultExpirationDays(policy({ default_expiration_days: 90, max_expiration_days: 120 }))).toBe(90);
    expect(defaultExpirationDays(policy({ max_expiration_days: 14 }))).toBe(14);
    expect(defaultExpirationDays(policy({ max_expiration_days: 60 }))).toBe(30);
  });
});

describe("capCarriedExpiry", () => {
  it("keeps a carried expiry within the maximum from now, and untouched without one", () => {
    expect(capCarriedExpiry(policy({ max_expiration_days: 10 }), plusDays(40), now)).toEqual(plusDays(10));
    expect(capCarriedExpiry(policy({ max_expiration_days: 10 }), plusDays(3), now)).toEqual(plusDays(3));
    expect(capCarriedExpiry(NO_SHARE_POLICY, plusDays(300), now)).toEqual(plusDays(300));
  });
});

describe("assertPasswordPolicy", () => {
  it("refuses a link without a password only when the brand requires one", () => {
    const required = policy({ require_password: true });
    expect(() => assertPasswordPolicy(required, true)).not.toThrow();
    expect(() => assertPasswordPolicy(NO_SHARE_POLICY, false)).not.toThrow();
    expect(() => assertPasswordPolicy(required, false)).toThrow(
      expect.objectContaining({
        code: "validation_error",
        details: { reason: "password_required_by_policy", field: "password" },
      }),
    );
  });
});
