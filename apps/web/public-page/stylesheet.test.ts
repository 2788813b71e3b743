import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PUBLIC_PAGE_CSS } from "./styles";
import { PAGE_STYLESHEET, stylesheetOf } from "./stylesheet";

describe("the public page's stylesheet file", () => {
  it("is the page's whole stylesheet, named by the hash of its bytes", () => {
    expect(PAGE_STYLESHEET.bytes.toString("utf8")).toBe(PUBLIC_PAGE_CSS.trim());
    const hash = createHash("sha256").update(PAGE_STYLESHEET.bytes).digest("hex").slice(0, 16);
    expect(PAGE_STYLESHEET.hash).toBe(hash);
    expect(PAGE_STYLESHEET.href).toBe(`/shared/assets/page-${hash}.css`);
    // The rules the page depends on are in it (the brand colour comes from the inline custom property).
    expect(PAGE_STYLESHEET.bytes.toString("utf8")).toContain("border-top:4px solid var(--brand)");
  });

  it("tells this build's file from another build's, and anything else from both", () => {
    expect(stylesheetOf(PAGE_STYLESHEET.href)).toBe("current");
    const other = PAGE_STYLESHEET.hash === "0123456789abcdef" ? "fedcba9876543210" : "0123456789abcdef";
    expect(stylesheetOf(`/shared/assets/page-${other}.css`)).toBe("other-build");
    for (const path of [
      "/shared/assets/",
      "/shared/assets/page.css",
      `/shared/assets/page-${PAGE_STYLESHEET.hash}.js`,
      `/shared/assets/page-${PAGE_STYLESHEET.hash.toUpperCase()}.css`,
      `/shared/assets/page-${PAGE_STYLESHEET.hash}.css/`,
      `/shared/assets/../assets/page-${PAGE_STYLESHEET.hash}.css`,
      `/shared/assets/page-${PAGE_STYLESHEET.hash}0.css`,
      `/shared/page-${PAGE_STYLESHEET.hash}.css`,
    ]) {
      expect(stylesheetOf(path), path).toBeNull();
    }
  });
});
