import { describe, expect, it } from "vitest";
import { buildActor, buildBrand, InMemoryAccountRepository } from "../testing";
import { readBrand, updateBrandSettings } from "./brand-settings";
import { NO_SHARE_POLICY } from "./share-policy";

const setup = async () => {
  const accounts = new InMemoryAccountRepository();
  const brand = buildBrand({ name: "Acme" });
  const other = buildBrand({ name: "Globex" });
  await accounts.insertBrand(brand);
  await accounts.insertBrand(other);
  return {
    deps: { accounts },
    brand,
    other,
    manager: buildActor(brand, "manager"),
    member: buildActor(brand, "member"),
    otherManager: buildActor(other, "manager"),
  };
};

describe("readBrand", () => {
  it("answers the caller's own brand with its policy, to members and managers alike", async () => {
    const { deps, brand, member, manager } = await setup();
    for (const actor of [member, manager]) {
      expect(await readBrand(deps, actor)).toMatchObject({ id: brand.id, sharePolicy: NO_SHARE_POLICY });
    }
  });

  it("404 when the caller's brand no longer exists", async () => {
    const { deps } = await setup();
    const orphan = buildActor({ id: crypto.randomUUID() }, "manager");
    await expect(readBrand(deps, orphan)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("updateBrandSettings", () => {
  it("a manager sets the policy, field by field", async () => {
    const { deps, manager } = await setup();
    const first = await updateBrandSettings(deps, manager, { share_policy: { max_expiration_days: 30 } });
    expect(first.sharePolicy).toEqual({ ...NO_SHARE_POLICY, max_expiration_days: 30 });
    const second = await updateBrandSettings(deps, manager, {
      share_policy: { default_expiration_days: 14, require_password: true },
    });
    expect(second.sharePolicy).toEqual({
      default_expiration_days: 14,
      max_expiration_days: 30,
      require_password: true,
    });
    expect((await readBrand(deps, manager)).sharePolicy).toEqual(second.sharePolicy);
  });

  it("a member gets 403 and changes nothing", async () => {
    const { deps, member, manager } = await setup();
    await expect(
      updateBrandSettings(deps, member, { share_policy: { max_expiration_days: 30 } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await readBrand(deps, manager)).sharePolicy).toEqual(NO_SHARE_POLICY);
  });

  it("changes only the manager's own brand", async () => {
    const { deps, manager, otherManager } = await setup();
    await updateBrandSettings(deps, otherManager, { share_policy: { require_password: true } });
    expect((await readBrand(deps, manager)).sharePolicy).toEqual(NO_SHARE_POLICY);
    expect((await readBrand(deps, otherManager)).sharePolicy.require_password).toBe(true);
  });

  it("a default above the maximum is 400 and the stored policy stays", async () => {
    const { deps, manager } = await setup();
    await updateBrandSettings(deps, manager, { share_policy: { max_expiration_days: 30 } });
    await expect(
      updateBrandSettings(deps, manager, { share_policy: { default_expiration_days: 31 } }),
    ).rejects.toMatchObject({ code: "validation_error", details: { reason: "default_exceeds_max_expiry" } });
    expect((await readBrand(deps, manager)).sharePolicy).toEqual({
      ...NO_SHARE_POLICY,
      max_expiration_days: 30,
    });
  });
});
