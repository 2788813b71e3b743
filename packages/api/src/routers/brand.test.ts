import { describe, expect, it } from "vitest";
import { backendKinds, domainCodeOf, expectTRPCError, signedIn, useWorld } from "../test-support/harness";

const NO_POLICY = { default_expiration_days: null, max_expiration_days: null, require_password: false };

describe.each(backendKinds())("brand router (%s)", (kind) => {
  const t = useWorld(kind, "each");

  it("getBrand: the caller's brand with its white label and policy, for members too", async () => {
    const brand = await t.alice.api.brand.getBrand();
    expect(brand).toMatchObject({ id: t.world.alice.brandId, name: "Acme", share_policy: NO_POLICY });
    expect(brand).toHaveProperty("white_label");
  });

  it("updateBrand: managers change the fields sent; members are refused and change nothing", async () => {
    const error = await expectTRPCError(
      t.alice.api.brand.updateBrand({ share_policy: { max_expiration_days: 30 } }),
      "FORBIDDEN",
    );
    expect(domainCodeOf(error)).toBe("forbidden");
    const saved = await t.manager.api.brand.updateBrand({ share_policy: { max_expiration_days: 30 } });
    expect(saved.share_policy).toEqual({ ...NO_POLICY, max_expiration_days: 30 });
    expect((await t.alice.api.brand.getBrand()).share_policy).toEqual(saved.share_policy);
  });

  it("another brand's manager changes only their own brand", async () => {
    const outsider = await signedIn(t.world.services, t.world.other.user);
    await outsider.api.brand.updateBrand({ share_policy: { require_password: true } });
    expect((await outsider.api.brand.getBrand()).id).toBe(t.world.other.brandId);
    expect((await t.alice.api.brand.getBrand()).share_policy.require_password).toBe(false);
  });

  it("the policy reaches createShare: over the maximum is BAD_REQUEST exceeds_brand_max_expiry", async () => {
    await t.manager.api.brand.updateBrand({ share_policy: { max_expiration_days: 30 } });
    const error = await expectTRPCError(
      t.alice.api.shares.createShare({ resource: t.reportRef, expiration_days: 60 }),
      "BAD_REQUEST",
    );
    expect(error.cause).toMatchObject({
      code: "validation_error",
      details: { reason: "exceeds_brand_max_expiry", max_expiration_days: 30 },
    });
  });

  it("a default above the maximum is BAD_REQUEST default_exceeds_max_expiry", async () => {
    const error = await expectTRPCError(
      t.manager.api.brand.updateBrand({
        share_policy: { default_expiration_days: 40, max_expiration_days: 30 },
      }),
      "BAD_REQUEST",
    );
    expect(error.cause).toMatchObject({ details: { reason: "default_exceeds_max_expiry" } });
  });
});
