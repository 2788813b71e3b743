import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { hashIdempotencyKey, parseIdempotencyKey, requestFingerprint } from "./request";

const refused = (value: string) => {
  try {
    parseIdempotencyKey(value);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("validation_error");
    expect((error as DomainError).details?.reason).toBe("invalid_idempotency_key");
    return true;
  }
  return false;
};

describe("parseIdempotencyKey", () => {
  it("absent is no key; 1-255 printable ASCII characters are the key as sent", () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
    expect(parseIdempotencyKey("a")).toBe("a");
    expect(parseIdempotencyKey("k".repeat(255))).toBe("k".repeat(255));
    expect(parseIdempotencyKey("order 42 / retry ~!@#$%^&*()")).toBe("order 42 / retry ~!@#$%^&*()");
  });

  it("refuses empty, over 255 characters, control and non-ASCII characters", () => {
    expect(refused("")).toBe(true);
    expect(refused("k".repeat(256))).toBe(true);
    expect(refused("tab\there")).toBe(true);
    expect(refused("nul\u0000")).toBe(true);
    expect(refused("del\u007f")).toBe(true);
    expect(refused("clé")).toBe(true);
    expect(refused("a")).toBe(false);
  });
});

describe("fingerprints and key hashes", () => {
  it("differ when the method, path or body bytes differ", () => {
    const base = requestFingerprint("POST", "/v1/x", "{}");
    expect(requestFingerprint("post", "/v1/x", "{}")).toBe(base);
    expect(requestFingerprint("PATCH", "/v1/x", "{}")).not.toBe(base);
    expect(requestFingerprint("POST", "/v1/y", "{}")).not.toBe(base);
    expect(requestFingerprint("POST", "/v1/x", "{ }")).not.toBe(base);
    // The separator keeps path and body apart: moving a character across them changes the print.
    expect(requestFingerprint("POST", "/v1/x\n", "{}")).not.toBe(requestFingerprint("POST", "/v1/x", "\n{}"));
  });

  it("a key hash has a fixed size and is not the key", () => {
    expect(hashIdempotencyKey("k".repeat(255))).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIdempotencyKey("abc")).not.toContain("abc");
  });
});
