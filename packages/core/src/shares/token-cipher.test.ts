import { describe, expect, it } from "vitest";
import { cryptoRandom } from "../random";
import { mintShareToken } from "./token";
import { createAesGcmTokenCipher } from "./token-cipher";

const SECRET = "test-secret-at-least-16-chars";

// Flips one character of a base64url part while keeping it decodable.
const flip = (part: string, index = 0) => {
  const bytes = Buffer.from(part, "base64url");
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString("base64url");
};

describe("createAesGcmTokenCipher", () => {
  const cipher = createAesGcmTokenCipher(SECRET);
  const token = mintShareToken(cryptoRandom);

  it("round-trips a token", () => {
    expect(cipher.decrypt(cipher.encrypt(token))).toBe(token);
  });

  it("round-trips through a second cipher built from the same secret", () => {
    expect(createAesGcmTokenCipher(SECRET).decrypt(cipher.encrypt(token))).toBe(token);
  });

  it("writes v1.<iv>.<tag>.<ciphertext> with a 12-byte iv and a 16-byte tag", () => {
    const [version, iv, tag, body, ...rest] = cipher.encrypt(token).split(".");
    expect(version).toBe("v1");
    expect(Buffer.from(iv ?? "", "base64url")).toHaveLength(12);
    expect(Buffer.from(tag ?? "", "base64url")).toHaveLength(16);
    expect(Buffer.from(body ?? "", "base64url")).toHaveLength(token.length);
    expect(rest).toEqual([]);
  });

  it("uses a fresh iv every time, so equal tokens do not give equal ciphertexts", () => {
    expect(cipher.encrypt(token)).not.toBe(cipher.encrypt(token));
  });

  it("never contains the token, in clear or re-encoded", () => {
    const ciphertext = cipher.encrypt(token);
    expect(ciphertext).not.toContain(token);
    expect(ciphertext).not.toContain(token.slice(0, 12));
    expect(ciphertext).not.toContain(Buffer.from(token).toString("base64url").slice(0, 12));
    expect(ciphertext).not.toContain(Buffer.from(token).toString("hex").slice(0, 12));
  });

  it.each([
    ["iv", 1],
    ["tag", 2],
    ["ciphertext", 3],
  ])("refuses a ciphertext whose %s was tampered with", (_, index) => {
    const parts = cipher.encrypt(token).split(".");
    parts[index] = flip(parts[index] ?? "");
    expect(() => cipher.decrypt(parts.join("."))).toThrow();
  });

  it("refuses a ciphertext made under another key", () => {
    const other = createAesGcmTokenCipher("another-secret-of-enough-length");
    expect(() => other.decrypt(cipher.encrypt(token))).toThrow();
  });

  it.each([
    ["an unknown version", (c: string) => c.replace(/^v1\./, "v2.")],
    ["a missing part", (c: string) => c.split(".").slice(0, 3).join(".")],
    ["the bare token", () => token],
    ["an empty string", () => ""],
  ])("refuses %s", (_, mangle) => {
    expect(() => cipher.decrypt(mangle(cipher.encrypt(token)))).toThrow();
  });

  it("demands a secret of at least 16 characters", () => {
    expect(() => createAesGcmTokenCipher("")).toThrow(/at least 16/);
    expect(() => createAesGcmTokenCipher("x".repeat(15))).toThrow(/at least 16/);
    expect(() => createAesGcmTokenCipher("x".repeat(16))).not.toThrow();
  });
});
