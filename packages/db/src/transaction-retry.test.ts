import { createShare, DomainError, notFound } from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, reusedTestDatabase, type TestDatabase, testDatabaseKinds } from "./testing";
import { withTransactionRetry } from "./transaction-retry";

const pgError = (code: string) => Object.assign(new Error(`simulated ${code}`), { code });
const fast = { retries: 3, baseDelayMs: 1 };

describe("withTransactionRetry", () => {
  it("runs a serialization failure or deadlock victim again", async () => {
    for (const code of ["40001", "40P01"]) {
      let calls = 0;
      const result = await withTransactionRetry(async () => {
        calls++;
        if (calls < 3) throw new Error("wrapped", { cause: pgError(code) });
        return "done";
      }, fast);
      expect(result).toBe("done");
      expect(calls).toBe(3);
    }
  });

  it("gives up after the bounded retries with a 503, never a 500", async () => {
    let calls = 0;
    const error = await withTransactionRetry(async () => {
      calls++;
      throw pgError("40001");
    }, fast).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "service_unavailable", details: { retry_after: 1 } });
  });

  it("does not retry domain errors or bugs", async () => {
    let calls = 0;
    const domain = notFound("Share");
    await expect(
      withTransactionRetry(async () => {
        calls++;
        throw domain;
      }, fast),
    ).rejects.toBe(domain);
    await expect(
      withTransactionRetry(async () => {
        calls++;
        throw new TypeError("a bug");
      }, fast),
    ).rejects.toThrow(TypeError);
    expect(calls).toBe(2);
  });
});

describe.each(testDatabaseKinds())("share transactions over %s", (kind) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("roll back every attempt and retry the whole unit of work", async () => {
    const tenant = await createTenant(t.services);
    const view = await createShare(
      t.services.shares,
      tenant.actor(tenant.manager),
      { type: "report", id: tenant.report.id },
      {},
    );
    const repo = t.services.shares.shares;
    let calls = 0;
    await repo.transaction(async (tx) => {
      calls++;
      // Each doomed attempt deletes the share first: only the last attempt's delete may stick.
      if (calls < 3) {
        await tx.delete([view.share.id]);
        throw pgError("40001");
      }
      expect(await tx.findById(view.share.id)).not.toBeNull();
    });
    expect(calls).toBe(3);
    expect(await repo.findById(view.share.id)).not.toBeNull();
  });
});
