import type { MeOutput } from "@sharelinks/api";
import { describe, expect, it } from "vitest";
import { brandDefaultColour } from "./brand-colour";

const me = (brand: Record<string, unknown>) =>
  ({ user: { id: "u", email: "a@x.test", name: null, role: "member" }, brand }) as unknown as MeOutput;

describe("the brand's default colour", () => {
  it("is the brand's colour when served, the product default when the brand has none", () => {
    expect(brandDefaultColour(me({ id: "b", name: "B", primary_color: "#0F766E" }))).toBe("#0F766E");
    expect(brandDefaultColour(me({ id: "b", name: "B", primary_color: null }))).toBe("#4F46E5");
  });

  it("is unknown (null) while the API does not say", () => {
    expect(brandDefaultColour(me({ id: "b", name: "B" }))).toBeNull();
    expect(brandDefaultColour(undefined)).toBeNull();
  });
});
