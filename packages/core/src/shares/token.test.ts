import { describe, expect, it, vi } from "vitest";
import { cryptoRandom } from "../random";
import { createSeededRandom } from "../testing";
import { hashToken, isWellFormedToken, mintShareToken, TOKEN_BYTES, TOKEN_LENGTH } from "./token";

const BASE64URL_43 = /^[A-Za-z0-9_-]{43}$/;

describe("mintShareToken", () => {
  it("encodes 32 random bytes as 43 unpadded base64url characters", () => {
    const token = mintShareToken(cryptoRandom);
    expect(TOKEN_LENGTH).toBe(43);
    expect(token).toMatch(BASE64URL_43);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("draws exactly TOKEN_BYTES bytes from the random source", () => {
    const random = createSeededRandom(5);
    const bytes = vi.spyOn(random, "bytes");
    const token = mintShareToken(random);
    expect(bytes).toHaveBeenCalledWith(TOKEN_BYTES);
    expect(token).toBe(Buffer.from(bytes.mock.results[0]?.value as Uint8Array).toString("base64url"));
  });

  it("never repeats itself", () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => mintShareToken(cryptoRandom)));
    expect(tokens.size).toBe(2000);
    const seeded = createSeededRandom(1);
    expect(new Set(Array.from({ length: 2000 }, () => mintShareToken(seeded))).size).toBe(2000);
  });
});

describe("hashToken", () => {
  it("is sha256 in base64url", () => {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(hashToken("abc")).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  });

  it("is stable, differs from the token and from other tokens' hashes", () => {
    const token = mintShareToken(cryptoRandom);
    const other = mintShareToken(cryptoRandom);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(token);
    expect(hashToken(token)).not.toBe(hashToken(other));
    expect(hashToken(token)).toMatch(BASE64URL_43);
  });
});

describe("isWellFormedToken", () => {
  const valid = mintShareToken(createSeededRandom(9));

  it("accepts a minted token", () => {
    expect(isWellFormedToken(valid)).toBe(true);
    expect(isWellFormedToken("A".repeat(43))).toBe(true);
    expect(isWellFormedToken(`${"-".repeat(21)}${"_".repeat(22)}`)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["42 characters", "A".repeat(42)],
    ["44 characters", "A".repeat(44)],
    ["padding", `${"A".repeat(42)}=`],
    ["plain base64 plus", `${"A".repeat(42)}+`],
    ["plain base64 slash", `${"A".repeat(42)}/`],
    ["a space", `${"A".repeat(42)} `],
    ["a trailing newline", `${"A".repeat(43)}\n`],
    ["a leading newline", `\n${"A".repeat(43)}`],
    ["a non-ASCII letter", `${"A".repeat(42)}é`],
    ["a path traversal", `../${"A".repeat(40)}`],
  ])("rejects %s", (_, value) => {
    expect(isWellFormedToken(value)).toBe(false);
  });
});
