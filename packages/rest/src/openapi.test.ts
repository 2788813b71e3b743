import pino from "pino";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRestContext } from "./context";
import { HTTP_STATUS_BY_CODE } from "./errors";
import { buildOpenApiDocument, errorCodesOf } from "./openapi";
import { defineRoute } from "./route";
import { routes } from "./routes";
import { servicesThatMustNotBeUsed } from "./test-support/no-services";
import { createFetchHandler } from "./transports/fetch";

// biome-ignore lint/suspicious/noExplicitAny: walking an arbitrary JSON document
type Json = Record<string, any>;

const ctx = createRestContext({
  services: servicesThatMustNotBeUsed(),
  publicBaseUrl: "https://links.example.test/",
  adminToken: "x".repeat(32),
  logger: pino({ level: "silent" }),
});

const fetchDoc = async (): Promise<Json> => {
  const res = await createFetchHandler(ctx)(new Request("http://api.test/v1/openapi.json"));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(res.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  return (await res.json()) as Json;
};

/** Resolves a local JSON pointer (`#/components/schemas/Share`). */
const resolve = (doc: Json, ref: string): unknown => {
  expect(ref.startsWith("#/"), `non-local $ref ${ref}`).toBe(true);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Json | undefined)?.[key];
  }
  return node;
};

const collectRefs = (node: unknown, out: string[] = []): string[] => {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
};

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with JSON Schema 2020-12, served as built at startup", async () => {
    const doc = await fetchDoc();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));
    expect(doc.servers).toEqual([{ url: "https://links.example.test" }]);
    expect(JSON.stringify(doc)).toBe(ctx.openApiJson);
  });

  it("documents every route of the table, with its parameters, body and every response it can give", async () => {
    const doc = await fetchDoc();
    const operationIds = new Set<string>();
    for (const route of routes) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operationIds.has(operation.operationId)).toBe(false);
      operationIds.add(operation.operationId);
      expect(operation.summary).toEqual(expect.any(String));
      expect(operation.tags).toEqual([route.tag]);

      const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p: Json) => p.in === "path");
      expect(declared.map((p: Json) => p.name).sort()).toEqual([...pathParams].sort());
      for (const p of declared) {
        expect(p.required).toBe(true);
        expect(p.schema.type).toBe("string");
      }

      for (const status of Object.keys(route.responses)) {
        expect(operation.responses[status], `${route.path} ${status}`).toBeDefined();
        expect(operation.responses[status].headers["X-Correlation-ID"]).toBeDefined();
      }
      for (const code of errorCodesOf(route)) {
        expect(operation.responses[String(HTTP_STATUS_BY_CODE[code])]).toEqual({
          $ref: `#/components/responses/${code}`,
        });
      }
      expect(operation.responses["500"]).toBeDefined();

      if (route.body) {
        expect(operation.requestBody.content["application/json"].schema.$ref).toMatch(
          /^#\/components\/schemas\//,
        );
      } else {
        expect(operation.requestBody).toBeUndefined();
      }
      const security =
        route.auth === "api_key" ? [{ apiKey: [] }] : route.auth === "admin" ? [{ adminToken: [] }] : [];
      expect(operation.security).toEqual(security);
    }
    // ...and nothing that is not in the table.
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as Json).map((m) => `${m} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method.toLowerCase()} ${r.path}`).sort());
  });

  it("every POST, PATCH and DELETE under /v1 takes Idempotency-Key and documents its 409 reasons and replay header", async () => {
    const doc = await fetchDoc();
    const writes = routes.filter((r) => r.method !== "GET");
    expect(writes.length).toBeGreaterThan(15);
    for (const route of writes) {
      const operation = doc.paths[route.path][route.method.toLowerCase()];
      const where = `${route.method} ${route.path}`;
      expect(operation.parameters, where).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
      expect(operation.responses["409"], where).toEqual({ $ref: "#/components/responses/conflict" });
      expect(operation.responses["400"], where).toEqual({ $ref: "#/components/responses/validation_error" });
      for (const status of Object.keys(route.responses)) {
        expect(operation.responses[status].headers["Idempotent-Replayed"], where).toBeDefined();
      }
    }
    for (const route of routes.filter((r) => r.method === "GET")) {
      expect(JSON.stringify(doc.paths[route.path].get)).not.toContain("IdempotencyKey");
    }
    const parameter = doc.components.parameters.IdempotencyKey;
    expect(parameter).toMatchObject({ name: "Idempotency-Key", in: "header", required: false });
    expect(parameter.schema).toMatchObject({ minLength: 1, maxLength: 255 });
    const conflict = doc.components.responses.conflict;
    expect(conflict.description).toContain("idempotency_key_reused");
    expect(conflict.description).toContain("idempotency_key_in_progress");
    expect(Object.keys(conflict.content["application/json"].examples).sort()).toEqual([
      "idempotency_key_in_progress",
      "idempotency_key_reused",
    ]);
  });

  it("every $ref resolves, and components are plain JSON Schema 2020-12 objects", async () => {
    const doc = await fetchDoc();
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(resolve(doc, ref), ref).toBeDefined();
    for (const [id, schema] of Object.entries(doc.components.schemas as Json)) {
      expect(schema.$id, id).toBeUndefined();
      expect(schema.$schema, id).toBeUndefined();
      expect(schema.type ?? schema.oneOf ?? schema.anyOf, id).toBeDefined();
    }
    expect(JSON.stringify(doc)).not.toContain("__shared");
    for (const name of [
      "Error",
      "ReportShare",
      "ScheduledReportShare",
      "Share",
      "ShareWhiteLabel",
      "PublicShare",
      "CreateShareRequest",
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    expect(Object.keys(doc.components.responses).sort()).toEqual(Object.keys(HTTP_STATUS_BY_CODE).sort());
  });

  it("is generated from the schemas the handlers validate with", async () => {
    const doc = await fetchDoc();
    const create = doc.components.schemas.CreateShareRequest;
    expect(create.additionalProperties).toBe(false);
    expect(create.properties.expiration_days).toMatchObject({ type: "integer", minimum: 1, maximum: 365 });
    expect(create.properties.rotate.type).toBe("boolean");
    const cancel = doc.components.schemas.CancelSharesRequest;
    expect(cancel.properties.share_ids).toMatchObject({ type: "array", minItems: 1, maxItems: 100 });
    const list = doc.paths["/v1/shares"].get.parameters as Json[];
    expect(list.map((p) => p.name).sort()).toEqual(["limit", "sort", "starting_after", "status"]);
    expect(list.every((p) => p.in === "query" && p.required === false)).toBe(true);
    const share = doc.components.schemas.ReportShare;
    expect(share.required).toEqual(
      expect.arrayContaining(["object", "id", "report_id", "expires_at", "is_existing"]),
    );
    expect(share.required).not.toContain("access_token");
    const createOp = doc.paths["/v1/reports/{report_id}/shares"].post;
    expect(createOp.requestBody.required).toBe(false);
    expect(createOp.responses["201"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ReportShare",
    });
    expect(doc.paths["/v1/reports/{report_id}/shares/{share_id}"].patch.requestBody.required).toBe(true);
    expect(doc.paths["/v1/reports/{report_id}/shares"].delete.responses["204"].content).toBeUndefined();
  });

  it("a route added to the table is in the document with nothing else to do", () => {
    const extra = defineRoute({
      method: "POST",
      path: "/v1/widgets/{widget_id}",
      operationId: "makeWidget",
      summary: "Make a widget",
      tag: "Widgets",
      auth: "api_key",
      params: z.object({ widget_id: z.uuid() }),
      body: z.strictObject({ size: z.int() }),
      responses: { 201: { description: "Made.", schema: z.object({ id: z.string() }) } },
      handle: () => ({ status: 201, body: { id: "w" } }),
    });
    const doc = buildOpenApiDocument([...routes, extra]) as Json;
    const op = doc.paths["/v1/widgets/{widget_id}"].post;
    expect(op.operationId).toBe("makeWidget");
    expect(doc.components.schemas.MakeWidgetRequest.properties.size.type).toBe("integer");
    expect(doc.components.schemas.MakeWidgetResponse201).toBeDefined();
    expect(op.responses["422"]).toEqual({ $ref: "#/components/responses/body_validation_error" });
  });
});
