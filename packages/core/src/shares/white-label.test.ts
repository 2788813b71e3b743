import { describe, expect, it } from "vitest";
import { DEFAULT_PRIMARY_COLOR, mergeWhiteLabel, shareWhiteLabelSchema } from "./white-label";

describe("shareWhiteLabelSchema", () => {
  it("accepts every field, all optional", () => {
    const full = {
      company_name: "Client Co",
      logo_url: "https://cdn.example.com/logo.png",
      primary_color: "#0a0B0c",
      hide_powered_by: true,
    };
    expect(shareWhiteLabelSchema.parse(full)).toEqual(full);
    expect(shareWhiteLabelSchema.parse({})).toEqual({});
  });

  it.each([
    ["http", "http://cdn.example.com/logo.png"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:image/png;base64,AAAA"],
    ["ftp", "ftp://cdn.example.com/logo.png"],
    ["protocol-relative", "//cdn.example.com/logo.png"],
    ["relative", "logo.png"],
    ["over 2048 characters", `https://cdn.example.com/${"a".repeat(2048)}`],
  ])("rejects a %s logo_url", (_, logo_url) => {
    expect(shareWhiteLabelSchema.safeParse({ logo_url }).success).toBe(false);
  });

  it.each(["#FFFFFF", "#000000", "#4f46e5"])("accepts primary_color %s", (primary_color) => {
    expect(shareWhiteLabelSchema.safeParse({ primary_color }).success).toBe(true);
  });

  it.each(["#FFF", "FFFFFF", "#FFFFFFF", "#GGGGGG", "red", "rgb(0,0,0)", "#FFFFFF "])(
    "rejects primary_color %s",
    (primary_color) => {
      expect(shareWhiteLabelSchema.safeParse({ primary_color }).success).toBe(false);
    },
  );

  it("trims company_name and refuses it empty or longer than 120", () => {
    expect(shareWhiteLabelSchema.parse({ company_name: "  Client Co " }).company_name).toBe("Client Co");
    expect(shareWhiteLabelSchema.safeParse({ company_name: "   " }).success).toBe(false);
    expect(shareWhiteLabelSchema.safeParse({ company_name: "x".repeat(120) }).success).toBe(true);
    expect(shareWhiteLabelSchema.safeParse({ company_name: "x".repeat(121) }).success).toBe(false);
  });

  it("requires hide_powered_by to be a boolean", () => {
    expect(shareWhiteLabelSchema.safeParse({ hide_powered_by: "yes" }).success).toBe(false);
  });

  it("rejects unknown keys", () => {
    expect(shareWhiteLabelSchema.safeParse({ company_name: "Client Co", font: "Inter" }).success).toBe(false);
  });
});

describe("mergeWhiteLabel", () => {
  it("falls back to the brand's name and product defaults", () => {
    expect(mergeWhiteLabel("Acme", null, null)).toEqual({
      company_name: "Acme",
      logo_url: null,
      primary_color: DEFAULT_PRIMARY_COLOR,
      hide_powered_by: false,
    });
  });

  it("uses the brand's defaults over the fallbacks", () => {
    const brand = {
      company_name: "Acme Inc.",
      logo_url: "https://acme.test/l.png",
      primary_color: "#111111",
    };
    expect(mergeWhiteLabel("Acme", { ...brand, hide_powered_by: true }, null)).toEqual({
      ...brand,
      hide_powered_by: true,
    });
  });

  it("lets the share's override win field by field, keeping brand defaults for the rest", () => {
    const brand = {
      company_name: "Acme Inc.",
      logo_url: "https://acme.test/l.png",
      primary_color: "#111111",
    };
    expect(mergeWhiteLabel("Acme", brand, { primary_color: "#222222", hide_powered_by: true })).toEqual({
      company_name: "Acme Inc.",
      logo_url: "https://acme.test/l.png",
      primary_color: "#222222",
      hide_powered_by: true,
    });
  });

  it("lets an override turn hide_powered_by back off", () => {
    expect(
      mergeWhiteLabel("Acme", { hide_powered_by: true }, { hide_powered_by: false }).hide_powered_by,
    ).toBe(false);
  });

  it("applies an override when the brand has no defaults", () => {
    expect(mergeWhiteLabel("Acme", null, { company_name: "Client Co" }).company_name).toBe("Client Co");
  });

  it("does not let a field present but undefined in the override erase the brand's value", () => {
    // An internal caller may pass `{ company_name: undefined }`; zod keeps the key.
    const merged = mergeWhiteLabel(
      "Acme",
      { company_name: "Acme Inc.", primary_color: "#111111" },
      {
        company_name: undefined,
        primary_color: undefined,
      },
    );
    expect(merged.company_name).toBe("Acme Inc.");
    expect(merged.primary_color).toBe("#111111");
  });
});
