import { authenticateApiKey, type DomainError, MAX_ACTIVE_API_KEYS } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { backendKinds, domainCodeOf, expectTRPCError, useWorld } from "../test-support/harness";

describe.each(backendKinds())("apiKeys router (%s)", (kind) => {
  const t = useWorld(kind, "once");

  it("creates a key shown once, lists it by prefix only, and revokes it", async () => {
    const created = await t.alice.api.apiKeys.createApiKey({ name: "CI" });
    expect(created.key).toMatch(/^slk_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: "CI",
      status: "active",
      revoked_at: null,
      last_used_at: null,
    });
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);

    const caller = await authenticateApiKey(t.world.services.accounts, created.key);
    expect(caller).toEqual({ userId: t.world.alice.id, brandId: t.world.brand.id, role: "member" });

    const listed = await t.alice.api.apiKeys.listMyApiKeys();
    const item = listed.find((k) => k.id === created.apiKey.id);
    expect(item).toMatchObject({ name: "CI", prefix: created.apiKey.prefix, status: "active" });
    expect(item?.last_used_at).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.key);

    expect(await t.alice.api.apiKeys.revokeMyApiKey({ id: created.apiKey.id })).toEqual({
      id: created.apiKey.id,
      revoked: true,
    });
    expect(await t.alice.api.apiKeys.revokeMyApiKey({ id: created.apiKey.id })).toEqual({
      id: created.apiKey.id,
      revoked: true,
    });
    const after = (await t.alice.api.apiKeys.listMyApiKeys()).find((k) => k.id === created.apiKey.id);
    expect(after).toMatchObject({ status: "revoked", revoked_at: expect.any(String) });
    await expect(authenticateApiKey(t.world.services.accounts, created.key)).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("keeps keys per user: others' keys are not listed and cannot be revoked (NOT_FOUND)", async () => {
    const bobs = await t.bob.api.apiKeys.createApiKey({});
    expect(bobs.apiKey.name).toBeNull();
    expect((await t.alice.api.apiKeys.listMyApiKeys()).map((k) => k.id)).not.toContain(bobs.apiKey.id);
    await expectTRPCError(t.alice.api.apiKeys.revokeMyApiKey({ id: bobs.apiKey.id }), "NOT_FOUND");
    expect((await t.bob.api.apiKeys.listMyApiKeys()).find((k) => k.id === bobs.apiKey.id)?.status).toBe(
      "active",
    );
  });

  it(`refuses key ${MAX_ACTIVE_API_KEYS + 1} with BAD_REQUEST and the reason (issue 8, finding 9); revoking one frees a slot`, async () => {
    const activeCount = async () =>
      (await t.manager.api.apiKeys.listMyApiKeys()).filter((k) => k.status === "active").length;
    const made: string[] = [];
    for (let n = await activeCount(); n < MAX_ACTIVE_API_KEYS; n++)
      made.push((await t.manager.api.apiKeys.createApiKey({ name: `key ${n}` })).apiKey.id);
    expect(await activeCount()).toBe(MAX_ACTIVE_API_KEYS);

    const error = await expectTRPCError(
      t.manager.api.apiKeys.createApiKey({ name: "one too many" }),
      "BAD_REQUEST",
    );
    expect(domainCodeOf(error)).toBe("validation_error");
    expect(error.message).toContain(`at most ${MAX_ACTIVE_API_KEYS} active API keys`);
    const reason = { reason: "api_key_limit_reached", limit: MAX_ACTIVE_API_KEYS };
    expect((error.cause as DomainError).details).toEqual(reason);
    // As the dashboard receives it over HTTP: 400, with the reason in the error's data.
    const http = await t.manager.http("apiKeys.createApiKey", { name: "one too many" });
    expect(http.status).toBe(400);
    expect(http.body.error?.data).toMatchObject({
      code: "BAD_REQUEST",
      domainCode: "validation_error",
      details: reason,
    });
    expect(await activeCount()).toBe(MAX_ACTIVE_API_KEYS);

    await t.manager.api.apiKeys.revokeMyApiKey({ id: made[0] as string });
    expect((await t.manager.api.apiKeys.createApiKey({ name: "after a revoke" })).apiKey.status).toBe(
      "active",
    );
  });

  it("validates the name with core's schema", async () => {
    await expectTRPCError(t.alice.api.apiKeys.createApiKey({ name: "" }), "BAD_REQUEST");
    await expectTRPCError(t.alice.api.apiKeys.createApiKey({ name: "x".repeat(101) }), "BAD_REQUEST");
    await expectTRPCError(t.alice.api.apiKeys.revokeMyApiKey({ id: "not-a-uuid" }), "BAD_REQUEST");
  });
});
