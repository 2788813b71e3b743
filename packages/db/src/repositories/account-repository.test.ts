import {
  authenticateApiKey,
  authenticateSession,
  createApiKey,
  createBrand,
  createUser,
  DomainError,
  listMyApiKeys,
  revokeApiKeyById,
  SESSION_TTL_MS,
  signIn,
  signOut,
  updateBrand,
} from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { constraintOf } from "../pg-errors";
import { users } from "../schema";
import { createManualClock, reusedTestDatabase, type TestDatabase, testDatabaseKinds } from "../testing";

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe.each(testDatabaseKinds())("accounts over %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { clock });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("stores brands and updates their white label", async () => {
    const brand = await createBrand(t.services.provisioning, {
      name: "Initech",
      white_label: { company_name: "Ini" },
    });
    expect(await t.services.accounts.accounts.findBrand(brand.id)).toEqual(brand);
    const updated = await updateBrand(t.services.provisioning, brand.id, { white_label: null });
    expect(updated.whiteLabel).toBeNull();
    expect(await t.services.accounts.accounts.updateBrandWhiteLabel(crypto.randomUUID(), null)).toBeNull();
    expect(await t.services.accounts.accounts.findBrand("nope")).toBeNull();
  });

  it("refuses a second user with the same email, whatever its case", async () => {
    const brand = await createBrand(t.services.provisioning, { name: "Hooli" });
    const user = await createUser(t.services.provisioning, brand.id, {
      email: "Gavin@Hooli.test",
      role: "manager",
    });
    expect(user.email).toBe("gavin@hooli.test");
    expect(await t.services.accounts.accounts.findUserByEmail("GAVIN@hooli.test")).toEqual(user);

    const duplicate = await rejection(
      createUser(t.services.provisioning, brand.id, { email: "gavin@HOOLI.test", role: "member" }),
    );
    expect(duplicate).toBeInstanceOf(DomainError);
    expect((duplicate as DomainError).code).toBe("conflict");

    // And the table itself refuses mixed case, so the unique index cannot be sidestepped.
    const raw = await rejection(
      t.db.orm.insert(users).values({ brandId: brand.id, email: "Mixed@Case.test", role: "member" }),
    );
    expect(constraintOf(raw)).toBe("users_email_lowercase");
  });

  it("signs in with an argon2id password and keeps a hashed session", async () => {
    const brand = await createBrand(t.services.provisioning, { name: "Pied Piper" });
    const user = await createUser(t.services.provisioning, brand.id, {
      email: "richard@piedpiper.test",
      role: "member",
      password: "middle-out-compression",
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const bad = await rejection(
      signIn(t.services.accounts, { email: user.email, password: "wrong-password" }),
    );
    expect((bad as DomainError).code).toBe("unauthorized");

    const session = await signIn(t.services.accounts, {
      email: "RICHARD@piedpiper.test",
      password: "middle-out-compression",
    });
    expect(await authenticateSession(t.services.accounts, session.token)).toEqual({
      userId: user.id,
      brandId: brand.id,
      role: "member",
    });

    clock.advance(SESSION_TTL_MS + 1);
    expect(await rejection(authenticateSession(t.services.accounts, session.token))).toBeInstanceOf(
      DomainError,
    );

    const again = await signIn(t.services.accounts, {
      email: user.email,
      password: "middle-out-compression",
    });
    await signOut(t.services.accounts, again.token);
    expect(await rejection(authenticateSession(t.services.accounts, again.token))).toBeInstanceOf(
      DomainError,
    );
  });

  it("issues API keys shown once, tracks their use and honours revocation", async () => {
    const brand = await createBrand(t.services.provisioning, { name: "Aviato" });
    const user = await createUser(t.services.provisioning, brand.id, {
      email: "erlich@aviato.test",
      role: "manager",
    });
    const { apiKey, key } = await createApiKey(t.services.accounts, user.id, { name: "ci" });
    expect(key.startsWith(apiKey.prefix)).toBe(true);

    const caller = await authenticateApiKey(t.services.accounts, key);
    expect(caller).toEqual({ userId: user.id, brandId: brand.id, role: "manager" });
    const [listed] = await listMyApiKeys(t.services.accounts, { userId: user.id });
    expect(listed?.lastUsedAt).toEqual(clock.now());
    expect(listed?.keyHash).not.toBe(key);

    clock.advance(1000);
    await revokeApiKeyById(t.services.accounts, apiKey.id);
    const revokedAt = (await t.services.accounts.accounts.findApiKey(apiKey.id))?.revokedAt;
    expect(revokedAt).toEqual(clock.now());
    const refused = await rejection(authenticateApiKey(t.services.accounts, key));
    expect((refused as DomainError).code).toBe("unauthorized");

    // Revoking again keeps the first revocation time.
    clock.advance(1000);
    await t.services.accounts.accounts.revokeApiKey(apiKey.id, clock.now());
    expect((await t.services.accounts.accounts.findApiKey(apiKey.id))?.revokedAt).toEqual(revokedAt);
  });

  it("answers malformed ids with nothing rather than a database error", async () => {
    const repo = t.services.accounts.accounts;
    expect(await repo.findUser("42")).toBeNull();
    expect(await repo.findApiKey("' or 1=1 --")).toBeNull();
    expect(await repo.listApiKeys("x")).toEqual([]);
  });
});
