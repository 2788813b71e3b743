import {
  authenticateApiKeyWithProfile,
  createApiKey,
  createShare,
  extendShare,
  NO_SHARE_POLICY,
  readBrand,
  updateBrandSettings,
} from "@sharelinks/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brands } from "../schema";
import {
  createManualClock,
  createTenant,
  reusedTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";

const DAY = 86_400_000;

describe.each(testDatabaseKinds())("brand share policy over %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { clock });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("a brand without a policy (NULL column) reads as NO_SHARE_POLICY on both ports", async () => {
    const tenant = await createTenant(t.services);
    await t.db.orm.update(brands).set({ sharePolicy: null }).where(eq(brands.id, tenant.brand.id));
    const brand = await readBrand(t.services.accounts, tenant.actor(tenant.manager));
    expect(brand.sharePolicy).toEqual(NO_SHARE_POLICY);
    expect(await t.services.shares.shares.findSharePolicy(tenant.brand.id)).toEqual(NO_SHARE_POLICY);
    expect(await t.services.shares.shares.findSharePolicy("not-a-uuid")).toEqual(NO_SHARE_POLICY);
  });

  it("stores a manager's change, which the share use cases then apply", async () => {
    const tenant = await createTenant(t.services);
    const manager = tenant.actor(tenant.manager);
    const member = tenant.actor(tenant.members[0] ?? tenant.manager);
    const saved = await updateBrandSettings(t.services.accounts, manager, {
      share_policy: { default_expiration_days: 7, max_expiration_days: 30 },
    });
    expect(saved.sharePolicy).toEqual({
      default_expiration_days: 7,
      max_expiration_days: 30,
      require_password: false,
    });
    expect((await t.services.accounts.accounts.findBrand(tenant.brand.id))?.sharePolicy).toEqual(
      saved.sharePolicy,
    );

    const resource = { type: "report" as const, id: tenant.report.id };
    const created = await createShare(t.services.shares, member, resource, {});
    expect(created.share.expiresAt.getTime() - clock.now().getTime()).toBe(7 * DAY);
    await expect(
      extendShare(t.services.shares, member, created.share.id, { expiration_days: 60 }, { under: resource }),
    ).rejects.toMatchObject({ code: "validation_error", details: { reason: "exceeds_brand_max_expiry" } });
  });

  it("the API-key lookup reads the brand's policy with the key; the share writes apply it without reading it again", async () => {
    const tenant = await createTenant(t.services);
    const manager = tenant.actor(tenant.manager);
    const memberUser = tenant.members[0] ?? tenant.manager;
    const { key } = await createApiKey(t.services.accounts, memberUser.id, {});
    expect((await authenticateApiKeyWithProfile(t.services.accounts, key)).sharePolicy).toEqual(
      NO_SHARE_POLICY,
    );

    await updateBrandSettings(t.services.accounts, manager, {
      share_policy: { default_expiration_days: 3, max_expiration_days: 20 },
    });
    const { sharePolicy } = await authenticateApiKeyWithProfile(t.services.accounts, key);
    expect(sharePolicy).toEqual({
      default_expiration_days: 3,
      max_expiration_days: 20,
      require_password: false,
    });

    // The policy on the actor is the one applied: the repository's own lookup is never asked.
    const repo = t.services.shares.shares;
    const noLookup = Object.assign(Object.create(repo), {
      findSharePolicy: () => Promise.reject(new Error("policy read again")),
    });
    const deps = { ...t.services.shares, shares: noLookup };
    const member = { ...tenant.actor(memberUser), ...(sharePolicy && { sharePolicy }) };
    const resource = { type: "report" as const, id: tenant.report.id };
    const created = await createShare(deps, member, resource, {});
    expect(created.share.expiresAt.getTime() - clock.now().getTime()).toBe(3 * DAY);
    await expect(
      extendShare(deps, member, created.share.id, { expiration_days: 21 }, { under: resource }),
    ).rejects.toMatchObject({ code: "validation_error", details: { reason: "exceeds_brand_max_expiry" } });
    const extended = await extendShare(
      deps,
      member,
      created.share.id,
      { expiration_days: 20 },
      { under: resource },
    );
    expect(extended.share.expiresAt.getTime() - clock.now().getTime()).toBe(20 * DAY);
  });

  it("two managers changing different fields at once both keep their change", async () => {
    const tenant = await createTenant(t.services);
    const manager = tenant.actor(tenant.manager);
    await Promise.all([
      updateBrandSettings(t.services.accounts, manager, { share_policy: { max_expiration_days: 90 } }),
      updateBrandSettings(t.services.accounts, manager, { share_policy: { require_password: true } }),
      updateBrandSettings(t.services.accounts, manager, { share_policy: { default_expiration_days: 14 } }),
    ]);
    expect((await readBrand(t.services.accounts, manager)).sharePolicy).toEqual({
      default_expiration_days: 14,
      max_expiration_days: 90,
      require_password: true,
    });
  });

  it("a refused change (default above max) writes nothing; an unknown brand is null", async () => {
    const tenant = await createTenant(t.services);
    const manager = tenant.actor(tenant.manager);
    await updateBrandSettings(t.services.accounts, manager, { share_policy: { max_expiration_days: 10 } });
    await expect(
      updateBrandSettings(t.services.accounts, manager, { share_policy: { default_expiration_days: 11 } }),
    ).rejects.toMatchObject({ code: "validation_error", details: { reason: "default_exceeds_max_expiry" } });
    expect((await readBrand(t.services.accounts, manager)).sharePolicy.default_expiration_days).toBeNull();
    expect(
      await t.services.accounts.accounts.updateBrandSharePolicy(crypto.randomUUID(), (p) => p),
    ).toBeNull();
    expect(await t.services.accounts.accounts.updateBrandSharePolicy("nope", (p) => p)).toBeNull();
  });
});
