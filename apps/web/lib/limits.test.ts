import {
  cancelSharesInputSchema,
  createApiKeyInputSchema,
  expirationDaysSchema,
  shareWhiteLabelSchema,
  signInInputSchema,
} from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LIMITS } from "./limits";

/** The bounds zod reports for a schema, through its JSON Schema. */
const bounds = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, number>;
  return {
    min: json.minimum ?? json.minLength ?? json.minItems,
    max: json.maximum ?? json.maxLength ?? json.maxItems,
  };
};

describe("form limits", () => {
  it("equal the server's schemas", () => {
    expect(bounds(expirationDaysSchema)).toEqual(LIMITS.expirationDays);
    const whiteLabel = shareWhiteLabelSchema.shape;
    expect(bounds(whiteLabel.company_name.unwrap()).max).toBe(LIMITS.companyName);
    expect(bounds(whiteLabel.logo_url.unwrap()).max).toBe(LIMITS.logoUrl);
    expect(bounds(createApiKeyInputSchema.shape.name.unwrap()).max).toBe(LIMITS.apiKeyName);
    expect(bounds(signInInputSchema.shape.email).max).toBe(LIMITS.email);
    expect(bounds(signInInputSchema.shape.password).max).toBe(LIMITS.password);
    expect(bounds(cancelSharesInputSchema.shape.share_ids).max).toBe(LIMITS.bulkRevoke);
  });
});
