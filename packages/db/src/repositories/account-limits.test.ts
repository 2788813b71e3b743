import {
  createApiKey,
  createUser,
  DomainError,
  MAX_ACTIVE_API_KEYS,
  NO_SHARE_POLICY,
} from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, reusedTestDatabase, type TestDatabase, testDatabaseKinds } from "../testing";

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe.each(testDatabaseKinds())("account limits and refused values on %s", (kind) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { maxConnections: 10 });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it(`holds the ${MAX_ACTIVE_API_KEYS}-key limit under concurrent creations`, async () => {
    const tenant = await createTenant(t.services);
    const user = tenant.members[0] ?? tenant.manager;
    const outcomes = await Promise.allSettled(
      Array.from({ length: MAX_ACTIVE_API_KEYS + 10 }, (_, i) =>
        createApiKey(t.services.accounts, user.id, { name: `key ${i}` }),
      ),
    );
    const created = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(created).toHaveLength(MAX_ACTIVE_API_KEYS);
    expect(refused).toHaveLength(10);
    for (const o of refused) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({
        code: "validation_error",
        details: { reason: "api_key_limit_reached", limit: MAX_ACTIVE_API_KEYS },
      });
    }
    const active = (await t.services.accounts.accounts.listApiKeys(user.id)).filter(
      (k) => k.revokedAt === null,
    );
    expect(active).toHaveLength(MAX_ACTIVE_API_KEYS);
  });

  // Core's schemas stop these values first; here the repository is called
  // directly, as a path that skipped them would, to show the database's refusal
  // still ends as a validation error and never as a 500.
  it.each([
    ["NUL in a brand name (22021)", { name: "a\u0000b" }, null],
    ["a lone surrogate in a jsonb white label (22P05)", { name: "ok" }, { company_name: "a\ud800b" }],
    ["NUL in a jsonb white label (22P05)", { name: "ok" }, { company_name: "a\u0000b" }],
  ])("%s -> validation_error", async (_label, brand, whiteLabel) => {
    const error = await rejection(
      t.services.accounts.accounts.insertBrand({
        id: crypto.randomUUID(),
        name: brand.name,
        whiteLabel,
        sharePolicy: NO_SHARE_POLICY,
        createdAt: new Date(),
      }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "validation_error", details: { reason: "invalid_value" } });
  });

  it("a date PostgreSQL cannot hold -> validation_error", async () => {
    const tenant = await createTenant(t.services);
    const error = await rejection(
      t.services.provisioning.catalog.insertReport({
        id: crypto.randomUUID(),
        brandId: tenant.brand.id,
        title: "Year zero",
        status: "completed",
        createdBy: tenant.manager.id,
        createdAt: new Date(),
        completedAt: new Date("0000-01-01T00:00:00Z"),
        results: [],
      }),
    );
    expect(error).toMatchObject({ code: "validation_error" });
  });

  it("an email with NUL that skipped the schema -> validation_error", async () => {
    const tenant = await createTenant(t.services);
    const error = await rejection(
      createUser(t.services.provisioning, tenant.brand.id, { email: "a\u0000b@x.test", role: "member" }),
    );
    expect(error).toMatchObject({ code: "validation_error" });
  });
});
