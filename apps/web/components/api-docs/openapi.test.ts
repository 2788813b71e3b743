import { describe, expect, it } from "vitest";
import { constraintsOf, deref, groupOperations, type OpenApiDocument, typeLabel } from "./openapi";

const doc: OpenApiDocument = {
  openapi: "3.1.0",
  tags: [{ name: "Shares" }, { name: "Public" }],
  paths: {
    "/v1/shared/{token}": {
      get: { tags: ["Public"], summary: "Read", responses: { "200": { $ref: "#/components/responses/Ok" } } },
    },
    "/v1/shares/{share_id}": {
      parameters: [
        { name: "share_id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
      ],
      delete: { tags: ["Shares"], summary: "Remove" },
      patch: {
        tags: ["Shares"],
        parameters: [{ name: "share_id", in: "path", required: true, description: "override" }],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Extend" } } } },
      },
    },
    "/v1/untagged": { post: { summary: "No tag" } },
  },
  components: {
    schemas: {
      Extend: {
        type: "object",
        required: ["expiration_days"],
        properties: { expiration_days: { type: "integer", minimum: 1, maximum: 365 } },
      },
      Share: {
        type: "object",
        properties: { white_label: { anyOf: [{ $ref: "#/components/schemas/WL" }, { type: "null" }] } },
      },
      WL: { type: "object", properties: {} },
    },
    responses: { Ok: { description: "fine" } },
  },
};

describe("OpenAPI helpers", () => {
  it("groups operations by tag in the document's order, untagged last", () => {
    const groups = groupOperations(doc);
    expect(groups.map((g) => g.tag)).toEqual(["Shares", "Public", "Other"]);
    const shares = groups[0]?.operations ?? [];
    expect(shares.map((op) => `${op.method} ${op.path}`)).toEqual([
      "patch /v1/shares/{share_id}",
      "delete /v1/shares/{share_id}",
    ]);
    // Path-level parameters are inherited unless the operation redefines them.
    expect(shares[0]?.parameters).toEqual([
      { name: "share_id", in: "path", required: true, description: "override" },
    ]);
    expect(shares[1]?.parameters[0]?.schema?.format).toBe("uuid");
    expect(new Set(groups.flatMap((g) => g.operations.map((op) => op.id))).size).toBe(4);
  });

  it("resolves refs and labels types", () => {
    expect(deref(doc, { $ref: "#/components/responses/Ok" })).toEqual({ description: "fine" });
    expect(deref(doc, { $ref: "#/nowhere" })).toBeUndefined();
    expect(typeLabel(doc, { type: "string", format: "uuid" })).toBe("string (uuid)");
    expect(typeLabel(doc, { type: "array", items: { $ref: "#/components/schemas/Share" } })).toBe(
      "array of Share",
    );
    expect(typeLabel(doc, { type: ["string", "null"] })).toBe("string | null");
    expect(typeLabel(doc, doc.components?.schemas?.Share?.properties?.white_label)).toBe("WL | null");
  });

  it("describes constraints, leaving out regexes that a format already explains", () => {
    expect(constraintsOf({ type: "integer", minimum: 1, maximum: 365, default: 30 })).toEqual([
      "1 to 365",
      "default 30",
    ]);
    expect(constraintsOf({ type: "string", format: "uuid", pattern: "^[0-9a-f-]+$" })).toEqual([]);
    expect(constraintsOf({ type: "string", enum: ["active", "expired"] })).toEqual([
      'one of: "active", "expired"',
    ]);
  });
});
