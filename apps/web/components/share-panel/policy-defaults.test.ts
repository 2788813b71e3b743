import { defaultExpirationDays, NO_SHARE_POLICY, type SharePolicy } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { policyDefaultDays } from "./policy-defaults";

describe("the create form's starting expiry", () => {
  it("is core's default for every kind of policy", () => {
    const policies: SharePolicy[] = [
      NO_SHARE_POLICY,
      { ...NO_SHARE_POLICY, default_expiration_days: 7 },
      { ...NO_SHARE_POLICY, max_expiration_days: 10 },
      { ...NO_SHARE_POLICY, max_expiration_days: 90 },
      { default_expiration_days: 60, max_expiration_days: 90, require_password: true },
    ];
    for (const policy of policies) expect(policyDefaultDays(policy)).toBe(defaultExpirationDays(policy));
  });

  it("is 30 days while the policy loads", () => {
    expect(policyDefaultDays(null)).toBe(30);
  });
});
