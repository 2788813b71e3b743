import { describe, expect, it } from "vitest";
import { authKindOf, curlOf, exampleOf, requestExampleOf, responseExampleOf } from "./examples";
import { groupOperations, type OpenApiDocument } from "./openapi";

const doc: OpenApiDocument = {
  paths: {
    "/v1/reports/{report_id}/shares": {
      post: {
        tags: ["Shares"],
        security: [{ apiKey: [] }],
        parameters: [{ name: "report_id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          content: { "application/json": { schema: { $ref: "#/components/schemas/CreateShareRequest" } } },
        },
        responses: {
          "201": { content: { "application/json": { schema: { $ref: "#/components/schemas/Share" } } } },
          "400": { $ref: "#/components/responses/validation_error" },
        },
      },
    },
    "/v1/shared/{token}": {
      get: {
        tags: ["Public"],
        security: [],
        parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { content: { "application/json": { example: { title: "Fixed" } } } } },
      },
    },
    "/v1/admin/brands": {
      post: {
        tags: ["Admin"],
        security: [{ adminToken: [] }],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["name"],
                properties: { name: { type: "string" }, note: { type: "string" } },
              },
            },
          },
        },
        responses: { "204": { description: "No body" } },
      },
    },
  },
  components: {
    schemas: {
      CreateShareRequest: {
        type: "object",
        properties: {
          expiration_days: { type: "integer", minimum: 1, maximum: 365 },
          rotate: { type: "boolean" },
        },
      },
      Share: {
        type: "object",
        required: ["id", "expires_at"],
        properties: {
          id: { type: "string", format: "uuid" },
          expires_at: { type: "string", format: "date-time" },
          share_url: { type: "string" },
          status: { type: "string", enum: ["active", "expired"] },
          white_label_config: {
            anyOf: [{ $ref: "#/components/schemas/WhiteLabel" }, { type: "null" }],
          },
          parent: { $ref: "#/components/schemas/Share" },
        },
      },
      WhiteLabel: {
        type: "object",
        properties: { primary_color: { type: "string", pattern: "^#[0-9A-Fa-f]{6}$" } },
      },
    },
  },
};

const operations = groupOperations(doc).flatMap((group) => group.operations);
const op = (path: string) => {
  const found = operations.find((candidate) => candidate.path === path);
  if (!found) throw new Error(path);
  return found;
};

describe("API reference examples", () => {
  it("builds a response example with every field, formats and enums honoured, cycles cut", () => {
    expect(responseExampleOf(doc, op("/v1/reports/{report_id}/shares"))).toEqual({
      status: "201",
      body: {
        id: "3f1c6b0e-8a9d-4b6f-9c2e-5d7a1b2c3d4e",
        expires_at: "2026-03-01T12:00:00.000Z",
        share_url: expect.stringMatching(/^https:\/\/.+\/shared\/[A-Za-z0-9_-]{43}$/),
        status: "active",
        white_label_config: { primary_color: "#0E7490" },
        parent: {},
      },
    });
  });

  it("keeps a request body small: required fields, else the first one", () => {
    expect(requestExampleOf(doc, op("/v1/reports/{report_id}/shares"))).toEqual({ expiration_days: 30 });
    expect(requestExampleOf(doc, op("/v1/admin/brands"))).toEqual({ name: "Alice" });
    expect(requestExampleOf(doc, op("/v1/shared/{token}"))).toBeUndefined();
  });

  it("prefers the document's own example and says when there is no body", () => {
    expect(responseExampleOf(doc, op("/v1/shared/{token}"))).toEqual({
      status: "200",
      body: { title: "Fixed" },
    });
    expect(responseExampleOf(doc, op("/v1/admin/brands"))).toEqual({ status: "204", body: undefined });
    expect(exampleOf(doc, { type: "integer", minimum: 5 }, "request")).toBe(5);
  });

  it("tells API-key, admin and public operations apart", () => {
    expect(authKindOf(doc, op("/v1/reports/{report_id}/shares"))).toBe("api_key");
    expect(authKindOf(doc, op("/v1/admin/brands"))).toBe("admin");
    expect(authKindOf(doc, op("/v1/shared/{token}"))).toBe("none");
  });

  it("writes curl with shell variables for path parameters and credentials", () => {
    expect(curlOf(doc, op("/v1/reports/{report_id}/shares"), "https://links.example.com/")).toBe(
      [
        'curl -X POST "https://links.example.com/v1/reports/$REPORT_ID/shares"',
        '  -H "Authorization: Bearer $SHARELINKS_API_KEY"',
        '  -H "Content-Type: application/json"',
        `  -d '{"expiration_days":30}'`,
      ].join(" \\\n"),
    );
    expect(curlOf(doc, op("/v1/shared/{token}"), "http://127.0.0.1:3000")).toBe(
      'curl "http://127.0.0.1:3000/v1/shared/$TOKEN"',
    );
  });
});
