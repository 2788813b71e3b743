import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { createAesGcmTokenCipher } from "../shares/token-cipher";
import { createFakeClock } from "../testing/fake-clock";
import { InMemoryIdempotencyStore } from "../testing/in-memory-idempotency-store";
import { createSeededRandom } from "../testing/seeded-random";
import {
  hashIdempotencyKey,
  IDEMPOTENCY_STALE_RUNNING_MS,
  IDEMPOTENCY_WINDOW_MS,
  requestFingerprint,
} from "./request";
import { type IdempotentAnswer, runIdempotent } from "./run-idempotent";

const setup = () => {
  const store = new InMemoryIdempotencyStore();
  const clock = createFakeClock();
  const deps = {
    store,
    clock,
    random: createSeededRandom(),
    cipher: createAesGcmTokenCipher("idempotency-test-secret-0123456789"),
  };
  let runs = 0;
  const work =
    (answer: Partial<IdempotentAnswer> = {}) =>
    async (): Promise<IdempotentAnswer> => {
      runs += 1;
      return { status: 201, headers: {}, body: `{"run":${runs}}`, ...answer };
    };
  const request = (body = "{}", key = "key-1") => ({
    scope: "api-key-1",
    keyHash: hashIdempotencyKey(key),
    fingerprint: requestFingerprint("POST", "/v1/reports/r1/shares", body),
  });
  return { store, clock, deps, work, request, runs: () => runs };
};

const reasonOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("conflict");
  return (error as DomainError).details?.reason;
};

describe("runIdempotent", () => {
  it("runs the work once; the same request again gets the first answer, headers included, marked replayed", async () => {
    const t = setup();
    const first = await runIdempotent(t.deps, t.request(), t.work({ headers: { Location: "/x" } }));
    expect(first).toEqual({
      replayed: false,
      answer: { status: 201, headers: { Location: "/x" }, body: '{"run":1}' },
    });
    const again = await runIdempotent(t.deps, t.request(), t.work());
    expect(again).toEqual({ ...first, replayed: true });
    expect(t.runs()).toBe(1);
  });

  it("keeps the answer encrypted: the stored response holds no plaintext of the body", async () => {
    const t = setup();
    const secret = "slk_this-is-shown-once";
    await runIdempotent(t.deps, t.request(), t.work({ body: JSON.stringify({ key: secret }) }));
    const [row] = [...t.store.rows.values()];
    expect(row?.response).toBeTypeOf("string");
    expect(row?.response).not.toContain(secret);
    expect(row?.status).toBe(201);
  });

  it("the same key with another body, method or path is 409 idempotency_key_reused, and nothing runs", async () => {
    const t = setup();
    await runIdempotent(t.deps, t.request('{"a":1}'), t.work());
    expect(await reasonOf(runIdempotent(t.deps, t.request('{"a":2}'), t.work()))).toBe(
      "idempotency_key_reused",
    );
    const otherPath = {
      ...t.request(),
      fingerprint: requestFingerprint("POST", "/v1/reports/r2/shares", '{"a":1}'),
    };
    expect(await reasonOf(runIdempotent(t.deps, otherPath, t.work()))).toBe("idempotency_key_reused");
    const otherMethod = {
      ...t.request(),
      fingerprint: requestFingerprint("PATCH", "/v1/reports/r1/shares", '{"a":1}'),
    };
    expect(await reasonOf(runIdempotent(t.deps, otherMethod, t.work()))).toBe("idempotency_key_reused");
    expect(t.runs()).toBe(1);
  });

  it("a retry while the first still runs is 409 idempotency_key_in_progress; a different request is still 'reused'", async () => {
    const t = setup();
    let finish: (answer: IdempotentAnswer) => void = () => {};
    const slow = runIdempotent(t.deps, t.request(), () => new Promise((resolve) => (finish = resolve)));
    await Promise.resolve();
    expect(await reasonOf(runIdempotent(t.deps, t.request(), t.work()))).toBe("idempotency_key_in_progress");
    expect(await reasonOf(runIdempotent(t.deps, t.request('{"b":1}'), t.work()))).toBe(
      "idempotency_key_reused",
    );
    finish({ status: 200, headers: {}, body: "{}" });
    expect((await slow).replayed).toBe(false);
    expect((await runIdempotent(t.deps, t.request(), t.work())).replayed).toBe(true);
    expect(t.runs()).toBe(0);
  });

  it("keys are scoped: another API key's same key is a new request", async () => {
    const t = setup();
    await runIdempotent(t.deps, t.request(), t.work());
    const other = await runIdempotent(t.deps, { ...t.request(), scope: "api-key-2" }, t.work());
    expect(other.replayed).toBe(false);
    expect(t.runs()).toBe(2);
  });

  it("4xx answers are kept; 5xx answers release the key so the retry runs the work", async () => {
    const t = setup();
    await runIdempotent(t.deps, t.request(), t.work({ status: 404 }));
    expect((await runIdempotent(t.deps, t.request(), t.work())).answer.status).toBe(404);

    const u = setup();
    await runIdempotent(u.deps, u.request(), u.work({ status: 503 }));
    expect(u.store.rows.size).toBe(0);
    const retried = await runIdempotent(u.deps, u.request(), u.work());
    expect(retried).toMatchObject({ replayed: false, answer: { status: 201 } });
    expect(u.runs()).toBe(2);
  });

  it("work that throws releases the key and the error goes on", async () => {
    const t = setup();
    const boom = new Error("boom");
    await expect(runIdempotent(t.deps, t.request(), () => Promise.reject(boom))).rejects.toBe(boom);
    expect(t.store.rows.size).toBe(0);
  });

  it("the answer is kept 24 h: at the last millisecond it replays, after it the key is new", async () => {
    const t = setup();
    await runIdempotent(t.deps, t.request(), t.work());
    t.clock.advance(IDEMPOTENCY_WINDOW_MS);
    expect((await runIdempotent(t.deps, t.request(), t.work())).replayed).toBe(true);
    t.clock.advance(1);
    expect((await runIdempotent(t.deps, t.request('{"new":true}'), t.work())).replayed).toBe(false);
    expect(t.runs()).toBe(2);
  });

  it("a request left running past the stale limit (its process died) is taken over by the same request only", async () => {
    const t = setup();
    void runIdempotent(t.deps, t.request(), () => new Promise<IdempotentAnswer>(() => {}));
    await Promise.resolve();
    t.clock.advance(IDEMPOTENCY_STALE_RUNNING_MS - 1);
    expect(await reasonOf(runIdempotent(t.deps, t.request(), t.work()))).toBe("idempotency_key_in_progress");
    t.clock.advance(2);
    expect(await reasonOf(runIdempotent(t.deps, t.request('{"x":1}'), t.work()))).toBe(
      "idempotency_key_reused",
    );
    expect((await runIdempotent(t.deps, t.request(), t.work())).replayed).toBe(false);
    expect(t.runs()).toBe(1);
  });

  it("a failure to keep the answer is reported, and the work's answer still goes out", async () => {
    const t = setup();
    const broken = Object.assign(Object.create(t.store), {
      claim: t.store.claim.bind(t.store),
      complete: () => Promise.reject(new Error("db down")),
    });
    const reported: unknown[] = [];
    const result = await runIdempotent({ ...t.deps, store: broken }, t.request(), t.work(), (e) =>
      reported.push(e),
    );
    expect(result.answer.status).toBe(201);
    expect(reported).toHaveLength(1);
  });
});
