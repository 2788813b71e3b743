import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { createFakeClock } from "../testing/fake-clock";
import { InMemoryAccountRepository, plainPasswordHasher } from "../testing/in-memory-account-repository";
import { createSeededRandom } from "../testing/seeded-random";
import { createApiKey, createApiKeyInputSchema, MAX_ACTIVE_API_KEYS, revokeMyApiKey } from "./api-keys";
import type { AccountDeps } from "./deps";

const setup = async () => {
  const accounts = new InMemoryAccountRepository();
  const deps: AccountDeps = {
    accounts,
    passwords: plainPasswordHasher,
    clock: createFakeClock(),
    random: createSeededRandom(7),
  };
  await accounts.insertUser({
    id: "u1",
    brandId: "b1",
    email: "pat@example.test",
    name: null,
    role: "member",
    passwordHash: null,
    createdAt: deps.clock.now(),
  });
  return { deps, accounts };
};

describe("createApiKey", () => {
  it(`allows ${MAX_ACTIVE_API_KEYS} active keys per user, then refuses with api_key_limit_reached`, async () => {
    const { deps } = await setup();
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_API_KEYS; i += 1) made.push(await createApiKey(deps, "u1", {}));
    expect(MAX_ACTIVE_API_KEYS).toBe(25);
    const refused = await createApiKey(deps, "u1", {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: "validation_error",
      details: { reason: "api_key_limit_reached", limit: 25 },
    });

    // Revoking one frees a slot; revoked keys do not count.
    await revokeMyApiKey(deps, { userId: "u1" }, made[0]?.apiKey.id as string);
    await expect(createApiKey(deps, "u1", { name: "after revoke" })).resolves.toMatchObject({
      apiKey: { name: "after revoke" },
    });
    await expect(createApiKey(deps, "u1", {})).rejects.toMatchObject({
      details: { reason: "api_key_limit_reached" },
    });
  });
});

describe("createApiKeyInputSchema", () => {
  it.each([["a\u0000b"], ["tab\there"], ["line\nbreak"], ["lone \ud800"], ["c1 \u0085"]])(
    "refuses the name %j under the text rule",
    (name) => {
      const result = createApiKeyInputSchema.safeParse({ name });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["name"]);
    },
  );

  it("accepts ordinary names, emoji included", () => {
    expect(createApiKeyInputSchema.parse({ name: "  CI 🚀 deploys " })).toEqual({ name: "CI 🚀 deploys" });
  });
});
