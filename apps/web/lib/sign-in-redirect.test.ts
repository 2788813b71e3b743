import { describe, expect, it } from "vitest";
import { isPublicPath, signInUrl } from "./sign-in-redirect";

describe("sign-in redirect", () => {
  it("keeps the attempted page as the return target and says why", () => {
    expect(signInUrl("/reports/abc?tab=1", "expired")).toBe(
      "/sign-in?next=%2Freports%2Fabc%3Ftab%3D1&reason=expired",
    );
    expect(signInUrl("/links")).toBe("/sign-in?next=%2Flinks");
    expect(signInUrl("/")).toBe("/sign-in");
    expect(signInUrl("/sign-in?next=%2Flinks")).toBe("/sign-in");
  });

  it("never sends a public page to sign in", () => {
    expect(isPublicPath("/docs")).toBe(true);
    expect(isPublicPath("/sign-in")).toBe(true);
    expect(isPublicPath("/docsx")).toBe(false);
    expect(isPublicPath("/reports")).toBe(false);
  });
});
