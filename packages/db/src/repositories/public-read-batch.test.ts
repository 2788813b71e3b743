import { createShare, extendShare, hashToken, type User, updateBrand } from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RawQuery, rawQueryOf } from "../raw-sql";
import { createTenant, reusedTestDatabase, type TestDatabase, testDatabaseKinds } from "../testing";
import { MAX_PUBLIC_READ_BATCH, PublicReadBatch } from "./public-read-batch";

/** The real driver call, counted: how many statements the batch sent. */
const counted = (db: TestDatabase) => {
  const real = rawQueryOf(db.db.orm);
  const sent: unknown[][] = [];
  const query: RawQuery = (text, params) => {
    sent.push([...params]);
    return real(text, params);
  };
  return { batch: new PublicReadBatch(query), sent };
};

describe.each(testDatabaseKinds())("public reads batched per event-loop turn on %s", (kind) => {
  let db: TestDatabase;
  /** Three links of two brands: token -> share id. */
  const links = new Map<string, string>();

  beforeAll(async () => {
    db = await reusedTestDatabase(kind);
    for (const brand of ["Acme", "Globex"]) {
      const tenant = await createTenant(db.services, { name: brand });
      for (const member of tenant.members) {
        const created = await createShare(
          db.services.shares,
          tenant.actor(member),
          { type: "report", id: tenant.report.id },
          {},
        );
        links.set(created.accessToken as string, created.share.id);
      }
    }
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it("the readers of one turn share one statement, and each gets its own link or null", async () => {
    const { batch, sent } = counted(db);
    const tokens = [...links.keys()];
    const unknown = hashToken("an unknown token of forty-three characters!!");
    const asked = [...tokens.map(hashToken), hashToken(tokens[0] as string), unknown, "not a hash", ""];
    const answers = await Promise.all(asked.map((hash) => batch.find(hash)));

    expect(sent).toHaveLength(1);
    // Each distinct well-formed hash is asked once; a malformed one is never sent.
    expect(String(sent[0]?.[0]).split(" ").sort()).toEqual([...new Set(asked.slice(0, -2))].sort());
    for (const [i, token] of tokens.entries()) {
      expect(answers[i]?.shareId).toBe(links.get(token));
      expect(answers[i]?.brandName).toBe(i < 2 ? "Acme" : "Globex");
      expect(answers[i]?.snapshot.title).toEqual(expect.any(String));
      expect(answers[i]?.expiresAt).toBeInstanceOf(Date);
    }
    expect(answers[tokens.length]?.shareId).toBe(links.get(tokens[0] as string));
    expect(answers.slice(tokens.length + 1)).toEqual([null, null, null]);
  });

  it("readers of different turns get statements of their own", async () => {
    const { batch, sent } = counted(db);
    for (const token of links.keys())
      expect((await batch.find(hashToken(token)))?.shareId).toBe(links.get(token));
    expect(sent).toHaveLength(links.size);
  });

  it(`more than ${MAX_PUBLIC_READ_BATCH} readers in one turn go out in several statements`, async () => {
    const { batch, sent } = counted(db);
    const token = [...links.keys()][0] as string;
    const hashes = Array.from({ length: 2 * MAX_PUBLIC_READ_BATCH + 1 }, (_, i) =>
      i === 2 * MAX_PUBLIC_READ_BATCH ? hashToken(token) : hashToken(`missing-token-${i}`),
    );
    const answers = await Promise.all(hashes.map((hash) => batch.find(hash)));
    expect(sent.map((params) => String(params[0]).split(" ").length)).toEqual([
      MAX_PUBLIC_READ_BATCH,
      MAX_PUBLIC_READ_BATCH,
      1,
    ]);
    expect(answers.filter((answer) => answer !== null).map((answer) => answer?.shareId)).toEqual([
      links.get(token),
    ]);
  });

  it("a statement that fails rejects every reader of its batch with the same error", async () => {
    const failure = new Error("the database went away");
    const batch = new PublicReadBatch(() => Promise.reject(failure));
    const results = await Promise.allSettled([batch.find("a"), batch.find("b"), batch.find("a")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    const reasons = new Set(results.map((r) => (r as PromiseRejectedResult).reason));
    expect(reasons.size).toBe(1);
  });
});

describe.each(testDatabaseKinds())("a public record's version on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await reusedTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.cleanup();
  });

  it("holds while nothing changes, and moves when the link's row or its brand's row changes", async () => {
    const tenant = await createTenant(db.services, { name: "Versioned" });
    const [one, two] = tenant.members as [User, User];
    const actor = tenant.actor(one);
    const resource = { type: "report" as const, id: tenant.report.id };
    // Two members: a member's second create would answer their first link.
    const first = await createShare(db.services.shares, actor, resource, {});
    const second = await createShare(db.services.shares, tenant.actor(two), resource, {});
    const read = async (token: string | null) => {
      const record = await new PublicReadBatch(rawQueryOf(db.db.orm)).find(hashToken(token as string));
      return record?.version as string;
    };

    const v1 = await read(first.accessToken);
    expect(v1).toMatch(/^\d+\.\d+$/);
    expect(await read(first.accessToken)).toBe(v1);
    expect(await read(second.accessToken)).not.toBe(v1);

    await extendShare(db.services.shares, actor, first.share.id, { expiration_days: 90 });
    const v2 = await read(first.accessToken);
    expect(v2).not.toBe(v1);

    await updateBrand(db.services.provisioning, tenant.brand.id, {
      white_label: { company_name: "Renamed" },
    });
    const v3 = await read(first.accessToken);
    expect(v3).not.toBe(v2);
    expect(v3.split(".")[0]).toBe(v2.split(".")[0]);
  });
});
