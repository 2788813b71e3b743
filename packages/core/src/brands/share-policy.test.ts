import { describe, expect, it } from "vitest";
import {
  changeSharePolicy,
  NO_SHARE_POLICY,
  sharePolicyOf,
  sharePolicySchema,
  updateBrandSettingsInputSchema,
} from "./share-policy";

const policy = (fields: Partial<typeof NO_SHARE_POLICY>) => ({ ...NO_SHARE_POLICY, ...fields });

describe("share policy bounds", () => {
  it("accepts 1-365 days and null, refuses 0, 366, fractions and strings", () => {
    for (const days of [1, 30, 365, null]) {
      expect(sharePolicySchema.safeParse(policy({ max_expiration_days: days })).success).toBe(true);
      expect(sharePolicySchema.safeParse(policy({ default_expiration_days: days })).success).toBe(true);
    }
    for (const days of [0, 366, -1, 1.5, "30"]) {
      expect(sharePolicySchema.safeParse({ ...NO_SHARE_POLICY, max_expiration_days: days }).success).toBe(
        false,
      );
      expect(sharePolicySchema.safeParse({ ...NO_SHARE_POLICY, default_expiration_days: days }).success).toBe(
        false,
      );
    }
  });

  it("a PATCH body may name any subset of the fields, and no other field", () => {
    expect(updateBrandSettingsInputSchema.safeParse({ share_policy: {} }).success).toBe(true);
    expect(
      updateBrandSettingsInputSchema.safeParse({ share_policy: { max_expiration_days: 30 } }).success,
    ).toBe(true);
    expect(updateBrandSettingsInputSchema.safeParse({ share_policy: { max_days: 30 } }).success).toBe(false);
    expect(
      updateBrandSettingsInputSchema.safeParse({ share_policy: { require_password: "yes" } }).success,
    ).toBe(false);
    expect(updateBrandSettingsInputSchema.safeParse({}).success).toBe(false);
    expect(updateBrandSettingsInputSchema.safeParse({ share_policy: {}, name: "x" }).success).toBe(false);
  });
});

describe("changeSharePolicy", () => {
  it("changes the fields named and keeps the others (absent or undefined)", () => {
    const current = policy({ default_expiration_days: 7, max_expiration_days: 30, require_password: true });
    expect(changeSharePolicy(current, { max_expiration_days: 60 })).toEqual({
      ...current,
      max_expiration_days: 60,
    });
    expect(changeSharePolicy(current, { max_expiration_days: undefined, require_password: false })).toEqual({
      ...current,
      require_password: false,
    });
  });

  it("null clears a limit", () => {
    const current = policy({ default_expiration_days: 7, max_expiration_days: 30 });
    expect(changeSharePolicy(current, { default_expiration_days: null, max_expiration_days: null })).toEqual(
      NO_SHARE_POLICY,
    );
  });

  it("refuses a default above the maximum, whichever field moved", () => {
    const refusal = {
      code: "validation_error",
      details: expect.objectContaining({ reason: "default_exceeds_max_expiry", max_expiration_days: 30 }),
    };
    expect(() =>
      changeSharePolicy(policy({ max_expiration_days: 30 }), { default_expiration_days: 31 }),
    ).toThrow(expect.objectContaining(refusal));
    expect(() =>
      changeSharePolicy(policy({ default_expiration_days: 45 }), { max_expiration_days: 30 }),
    ).toThrow(expect.objectContaining(refusal));
    expect(changeSharePolicy(policy({ max_expiration_days: 30 }), { default_expiration_days: 30 })).toEqual(
      policy({ default_expiration_days: 30, max_expiration_days: 30 }),
    );
  });
});

describe("sharePolicyOf (what a stored policy means)", () => {
  it("no policy and partial documents read as the service defaults for what is missing", () => {
    expect(sharePolicyOf(null)).toEqual(NO_SHARE_POLICY);
    expect(sharePolicyOf(undefined)).toEqual(NO_SHARE_POLICY);
    expect(sharePolicyOf({ max_expiration_days: 14 })).toEqual(policy({ max_expiration_days: 14 }));
  });
});
