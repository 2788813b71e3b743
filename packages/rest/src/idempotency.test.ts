import { schema } from "@sharelinks/db";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  type ApiResponse,
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
  tokenOf,
} from "./test-support/harness";

const DAY = 86_400_000;
const withKey = (key: string, options: { key: string; body?: unknown } = { key: "" }) => ({
  ...options,
  headers: { "Idempotency-Key": key },
});

const conflictReason = (response: ApiResponse) => {
  expect(response.status).toBe(409);
  expect(response.json.error.code).toBe("conflict");
  return response.json.error.details.reason;
};

/**
 * `Idempotency-Key` on /v1 writes through the real adapter and database
 * (docs/api.md): replay byte-equal without doing the work again, reuse and
 * malformed keys refused, the 24 h window on the harness's manual clock, the
 * kept answers encrypted. Concurrency is in idempotency.concurrency.test.ts.
 */
describe.each(testDatabaseKinds())("Idempotency-Key on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let owner: Member;
  beforeAll(async () => {
    h = await startHarness(kind);
    t = await provisionTenant(h, 2);
    owner = t.members[0] as Member;
  });
  afterAll(() => h.close());

  const sharesPath = () => `/v1/reports/${t.reportId}/shares`;
  const events = async (shareId: string) =>
    (await h.request("GET", `/v1/shares/${shareId}/events`, { key: owner.key })).json.data.map(
      (e: { type: string }) => e.type,
    );

  it("a retried rotate gets the first answer byte for byte, marked replayed, and rotates once", async () => {
    const body = { rotate: true };
    const first = await h.request("POST", sharesPath(), withKey("rotate-1", { key: owner.key, body }));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    const again = await h.request("POST", sharesPath(), withKey("rotate-1", { key: owner.key, body }));
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(again.headers.get("x-correlation-id")).not.toBe(first.headers.get("x-correlation-id"));

    // The work ran once: one share of this owner, one rotation event, the token of the first answer works.
    const listed = await h.request("GET", sharesPath(), { key: owner.key });
    expect(listed.json.data.filter((s: { owner_id: string }) => s.owner_id === owner.id)).toHaveLength(1);
    expect(await events(first.json.id)).toEqual(["rotated"]);
    expect((await h.request("GET", `/v1/shared/${tokenOf(first.json)}`)).status).toBe(200);

    // Without a key the same request is a new rotation.
    const unkeyed = await h.request("POST", sharesPath(), { key: owner.key, body });
    expect(unkeyed.json.id).not.toBe(first.json.id);
  });

  it("the same key with another body or path is 409 idempotency_key_reused and does nothing", async () => {
    const made = await h.request("POST", sharesPath(), withKey("reuse-1", { key: owner.key, body: {} }));
    expect(made.status).toBeLessThan(300);
    const otherBody = await h.request(
      "POST",
      sharesPath(),
      withKey("reuse-1", { key: owner.key, body: { rotate: true } }),
    );
    expect(conflictReason(otherBody)).toBe("idempotency_key_reused");
    const otherPath = await h.request(
      "POST",
      `/v1/shares/${made.json.id}/pause`,
      withKey("reuse-1", { key: owner.key }),
    );
    expect(conflictReason(otherPath)).toBe("idempotency_key_reused");
    expect(
      (await h.request("GET", sharesPath(), { key: owner.key })).json.data.find(
        (s: { id: string }) => s.id === made.json.id,
      ).paused_at,
    ).toBeNull();
  });

  it("keys belong to the API key: another key's same Idempotency-Key is its own request", async () => {
    const teammate = t.members[1] as Member;
    const mine = await h.request("POST", sharesPath(), withKey("scoped-1", { key: owner.key, body: {} }));
    const theirs = await h.request(
      "POST",
      sharesPath(),
      withKey("scoped-1", { key: teammate.key, body: {} }),
    );
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.json.owner_id).toBe(teammate.id);
    expect(theirs.json.id).not.toBe(mine.json.id);
  });

  it("a 4xx answer is kept and replayed: the first envelope, with this request's request_id", async () => {
    const theirs = await h.request("POST", sharesPath(), { key: (t.members[1] as Member).key, body: {} });
    const path = `/v1/shares/${theirs.json.id}/pause`;
    const refused = await h.request("POST", path, withKey("refused-1", { key: owner.key }));
    expect(refused.status).toBe(403);
    const again = await h.request("POST", path, withKey("refused-1", { key: owner.key }));
    expect(again.status).toBe(403);
    // request_id always names the request that was answered (X-Correlation-ID); the rest is the first answer.
    expect(again.text).toBe(refused.text.replace(refused.json.request_id, again.json.request_id));
    expect(again.json.request_id).not.toBe(refused.json.request_id);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("DELETE: a replay answers 204 again instead of 404", async () => {
    const made = await h.request("POST", sharesPath(), { key: owner.key, body: { rotate: true } });
    const path = `/v1/shares/${made.json.id}`;
    const removed = await h.request("DELETE", path, withKey("delete-1", { key: owner.key }));
    expect(removed.status).toBe(204);
    const again = await h.request("DELETE", path, withKey("delete-1", { key: owner.key }));
    expect(again.status).toBe(204);
    expect(again.text).toBe("");
    expect(again.headers.get("content-type")).toBeNull();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await h.request("DELETE", path, { key: owner.key })).status).toBe(404);
  });

  it("the answer is kept 24 h; after that the key names a new request", async () => {
    const first = await h.request(
      "POST",
      sharesPath(),
      withKey("window-1", { key: owner.key, body: { rotate: true } }),
    );
    h.clock.advance(DAY);
    const inside = await h.request(
      "POST",
      sharesPath(),
      withKey("window-1", { key: owner.key, body: { rotate: true } }),
    );
    expect(inside.headers.get("idempotent-replayed")).toBe("true");
    expect(inside.text).toBe(first.text);
    h.clock.advance(1);
    const after = await h.request(
      "POST",
      sharesPath(),
      withKey("window-1", { key: owner.key, body: { rotate: true } }),
    );
    expect(after.status).toBe(201);
    expect(after.headers.get("idempotent-replayed")).toBeNull();
    expect(after.json.id).not.toBe(first.json.id);
  });

  it("a malformed key is 400 validation_error and nothing runs", async () => {
    for (const bad of ["", "k".repeat(256)]) {
      const refused = await h.request(
        "POST",
        sharesPath(),
        withKey(bad, { key: owner.key, body: { rotate: true } }),
      );
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatchObject({
        code: "validation_error",
        details: { reason: "invalid_idempotency_key" },
      });
    }
    const ok = await h.request("POST", sharesPath(), withKey("k".repeat(255), { key: owner.key, body: {} }));
    expect(ok.status).toBeLessThan(300);
  });

  it("admin writes take keys too: a retried API key creation returns the same key and creates one", async () => {
    const path = `/v1/admin/users/${owner.id}/api-keys`;
    const send = () =>
      h.request("POST", path, {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        body: { name: "retried" },
        headers: { "Idempotency-Key": "admin-key-1" },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const again = await send();
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const keys = await h.services.db.orm.select().from(schema.apiKeys);
    expect(keys.filter((k) => k.userId === owner.id && k.name === "retried")).toHaveLength(1);
  });

  it("kept answers hold no secret in plaintext: not the share token, not the API key", async () => {
    const share = await h.request(
      "POST",
      sharesPath(),
      withKey("secret-1", { key: owner.key, body: { rotate: true } }),
    );
    const apiKey = await h.request("POST", `/v1/admin/users/${owner.id}/api-keys`, {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      body: { name: "scan" },
      headers: { "Idempotency-Key": "secret-2" },
    });
    const rows = JSON.stringify(await h.services.db.orm.select().from(schema.idempotencyKeys));
    expect(rows).toContain('"state":"done"');
    for (const secret of [
      tokenOf(share.json),
      share.json.share_url,
      apiKey.json.key,
      "secret-1",
      "secret-2",
    ]) {
      expect(rows).not.toContain(secret);
    }
  });
});
