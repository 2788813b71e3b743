import { describe, expect, it } from "vitest";
import { brandDefaultColour } from "./brand-colour";

describe("the brand's default colour", () => {
  it("is the brand's white-label colour when it has one", () => {
    expect(brandDefaultColour({ white_label: { primary_color: "#0F766E" } })).toBe("#0F766E");
  });

  it("is the product default when the brand has no colour or no white label", () => {
    expect(brandDefaultColour({ white_label: { company_name: "Acme" } })).toBe("#4F46E5");
    expect(brandDefaultColour({ white_label: null })).toBe("#4F46E5");
  });

  it("is unknown (null) while the brand is loading", () => {
    expect(brandDefaultColour(undefined)).toBeNull();
  });
});
