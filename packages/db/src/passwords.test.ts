import { describe, expect, it } from "vitest";
import { createArgon2PasswordHasher, TEST_ARGON2_COST } from "./passwords";

describe("argon2id password hasher", () => {
  const hasher = createArgon2PasswordHasher(TEST_ARGON2_COST);

  it("hashes with argon2id and a fresh salt each time", async () => {
    const a = await hasher.hash("hunter2-hunter2");
    const b = await hasher.hash("hunter2-hunter2");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=256,t=1,p=1\$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, "hunter2-hunter2")).toBe(true);
    expect(await hasher.verify(a, "hunter3-hunter3")).toBe(false);
  });

  it("verifies hashes made at another cost, and treats a garbled hash as a mismatch", async () => {
    const production = createArgon2PasswordHasher();
    const hash = await production.hash("s3cret-passphrase");
    expect(hash).toMatch(/m=19456,t=2,p=1/);
    expect(await hasher.verify(hash, "s3cret-passphrase")).toBe(true);
    expect(await hasher.verify("not-a-hash", "s3cret-passphrase")).toBe(false);
  });
});
