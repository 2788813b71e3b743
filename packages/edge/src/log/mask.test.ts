import { describe, expect, it } from "vitest";
import { maskPath, maskText } from "./mask";

describe("maskPath", () => {
  it.each([
    ["/v1/shared/abcDEF_-123", "/v1/shared/***"],
    ["/shared/abcDEF_-123", "/shared/***"],
    ["/shared/abc/extra", "/shared/***/extra"],
    ["/x/slk_AAAAAAAAAA", "/x/slk_***"],
    [`/v1/nope/${"A".repeat(43)}`, "/v1/nope/***"],
    ["/v1/reports/3f9c7e8a-1b6a-4d8e-92cf-7d9c8b1e2a04", "/v1/reports/3f9c7e8a-1b6a-4d8e-92cf-7d9c8b1e2a04"],
  ])("%s -> %s", (path, masked) => {
    expect(maskPath(path)).toBe(masked);
  });

  it("caps the length", () => {
    expect(maskPath(`/${"a/".repeat(500)}`).length).toBeLessThanOrEqual(200);
  });
});

describe("maskText", () => {
  it("replaces emails, keys, tokens, ciphertexts and argon2 hashes in free text", () => {
    const token = "A".repeat(43);
    const text = `duplicate key pat.doe@example.test slk_${token} v1.abc.def.ghi $argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA ${token}`;
    const masked = maskText(text);
    for (const secret of ["pat.doe@example.test", token, "v1.abc", "$argon2id$v=19", "c2FsdA"]) {
      expect(masked).not.toContain(secret);
    }
    expect(masked).toContain("duplicate key");
  });

  it("keeps ids and ordinary words, and caps the length", () => {
    expect(maskText("share 3f9c7e8a-1b6a-4d8e-92cf-7d9c8b1e2a04 not found")).toBe(
      "share 3f9c7e8a-1b6a-4d8e-92cf-7d9c8b1e2a04 not found",
    );
    expect(maskText("x".repeat(2000)).length).toBeLessThanOrEqual(500);
  });
});
