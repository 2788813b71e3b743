import {
  type ErrorCode,
  resultRowSchema,
  sharePolicySchema,
  shareWhiteLabelSchema,
  updateBrandSettingsInputSchema,
} from "@sharelinks/core";
import { z } from "zod";
import { shareEventSchema } from "./analytics-schemas";
import { HTTP_STATUS_BY_CODE } from "./errors";
import { IDEMPOTENT_METHODS } from "./idempotency";
import {
  ERROR_DESCRIPTIONS,
  EXAMPLE_REQUEST_ID,
  HEADERS,
  IDEMPOTENCY_CONFLICT_EXAMPLES,
  IDEMPOTENCY_KEY_PARAMETER,
} from "./openapi-components";
import type { Route } from "./route";
import {
  effectiveWhiteLabelSchema,
  errorSchema,
  publicSharePreviewSchema,
  publicShareSchema,
  reportRunSchema,
  reportSchema,
  reportShareSchema,
  reportSummarySchema,
  scheduledReportSchema,
  scheduledReportShareSchema,
  scheduledReportSummarySchema,
  shareSchema,
  snapshotSchema,
} from "./schemas";
import { webhookEventsOpenApi } from "./webhook-events-openapi";

type Json = Record<string, unknown>;

export const OPENAPI_VERSION = "3.1.0";
export const API_VERSION = "1.0.0";
const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
const schemaRef = (id: string) => `#/components/schemas/${id}`;

/** Schemas that appear nested in others and carry an id: they become components, referenced by `$ref`. */
const NESTED_INPUT_COMPONENTS: z.ZodType[] = [
  shareWhiteLabelSchema,
  resultRowSchema,
  updateBrandSettingsInputSchema.shape.share_policy,
];
const NESTED_OUTPUT_COMPONENTS: z.ZodType[] = [
  shareWhiteLabelSchema,
  sharePolicySchema,
  resultRowSchema,
  reportShareSchema,
  scheduledReportShareSchema,
  shareSchema,
  reportSchema,
  reportRunSchema,
  scheduledReportSchema,
  reportSummarySchema,
  scheduledReportSummarySchema,
  snapshotSchema,
  effectiveWhiteLabelSchema,
  shareEventSchema,
  publicShareSchema,
  publicSharePreviewSchema,
];

/** The writes that accept `Idempotency-Key`: every POST, PATCH and DELETE of an authenticated caller. */
export const takesIdempotencyKey = (route: Route): boolean =>
  IDEMPOTENT_METHODS.has(route.method) && (route.auth === "api_key" || route.auth === "admin");
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

const idOf = (schema: z.ZodType): string | undefined => {
  const id = z.globalRegistry.get(schema)?.id;
  return typeof id === "string" ? id : undefined;
};

const pascal = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

class ComponentSet {
  readonly registry = z.registry<{ id: string }>();
  add(schema: z.ZodType, fallbackId: string): string {
    const id = idOf(schema) ?? fallbackId;
    this.registry.add(schema, { ...z.globalRegistry.get(schema), id });
    return id;
  }
  toJsonSchemas(io: "input" | "output"): Record<string, Json> {
    const { schemas } = z.toJSONSchema(this.registry, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
      uri: schemaRef,
    }) as { schemas: Record<string, Json> };
    for (const schema of Object.values(schemas)) {
      delete schema.$schema;
      delete schema.$id;
    }
    return schemas;
  }
}

/** Path or query parameters from an object schema, each property one parameter. */
const parametersOf = (schema: z.ZodType, location: "path" | "query"): Json[] => {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Json;
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: location === "path" || required.has(name),
      ...(typeof description === "string" && { description }),
      schema: propertySchema,
    };
  });
};

/** The error codes a route can answer with: its own, plus what auth, parsing and the database add. */
export const errorCodesOf = (route: Route): ErrorCode[] => {
  const codes = new Set<ErrorCode>(route.errors ?? []);
  if (route.params && route.validateParams !== false) codes.add("validation_error");
  // A route without query parameters refuses any it is sent (operational routes ignore them).
  if (route.query || route.auth !== "none") codes.add("validation_error");
  if (route.body) codes.add("body_validation_error");
  // Any request may carry a body; one over the limit is refused before the route runs.
  codes.add("payload_too_large");
  if (route.auth === "api_key" || route.auth === "admin") codes.add("unauthorized");
  // Per key or per IP, and failed authentications per client IP.
  if (route.auth !== "none") codes.add("rate_limit_exceeded");
  if (route.usesDatabase !== false) codes.add("service_unavailable");
  if (takesIdempotencyKey(route)) {
    // A malformed key, and the key's two conflicts.
    codes.add("validation_error");
    codes.add("conflict");
  }
  codes.add("internal_error");
  return [...codes].sort((a, b) => HTTP_STATUS_BY_CODE[a] - HTTP_STATUS_BY_CODE[b]);
};

const successHeaders = (route: Route): Json => {
  const names = ["X-Correlation-ID"];
  if (route.auth === "api_key" || route.auth === "public")
    names.push("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
  if (route.auth === "public") names.push("Cache-Control", "Referrer-Policy", "X-Robots-Tag");
  if (takesIdempotencyKey(route)) names.push("Idempotent-Replayed");
  return Object.fromEntries(names.map((name) => [name, headerRef(name)]));
};

export interface OpenApiOptions {
  /** Listed as the API's server. */
  serverUrl?: string;
}

/**
 * OpenAPI 3.1 from the route table: every route is documented because the
 * document is made from the same table the router is, with JSON Schema 2020-12
 * generated by zod from the schemas the handlers validate with.
 */
export const buildOpenApiDocument = (routes: readonly Route[], options: OpenApiOptions = {}): Json => {
  const inputs = new ComponentSet();
  const outputs = new ComponentSet();
  for (const schema of NESTED_INPUT_COMPONENTS) inputs.add(schema, "unused");
  for (const schema of NESTED_OUTPUT_COMPONENTS) outputs.add(schema, "unused");
  const errorId = outputs.add(errorSchema, "Error");

  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const parameters = [
      ...(route.params ? parametersOf(route.params, "path") : []),
      ...(route.query ? parametersOf(route.query, "query") : []),
      ...(takesIdempotencyKey(route) ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : []),
    ];
    const responses: Record<string, Json> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = {
        description: spec.description,
        headers: successHeaders(route),
        ...(spec.schema && {
          content: {
            "application/json": {
              schema: {
                $ref: schemaRef(outputs.add(spec.schema, `${pascal(route.operationId)}Response${status}`)),
              },
            },
          },
        }),
      };
    }
    for (const code of errorCodesOf(route)) {
      responses[String(HTTP_STATUS_BY_CODE[code])] = { $ref: `#/components/responses/${code}` };
    }
    const operation: Json = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description && { description: route.description }),
      tags: [route.tag],
      security:
        route.auth === "api_key" ? [{ apiKey: [] }] : route.auth === "admin" ? [{ adminToken: [] }] : [],
      ...(parameters.length > 0 && { parameters }),
      ...(route.body && {
        requestBody: {
          required: !route.body.safeParse({}).success,
          content: {
            "application/json": {
              schema: { $ref: schemaRef(inputs.add(route.body, `${pascal(route.operationId)}Request`)) },
            },
          },
        },
      }),
      responses,
    };
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, Json>)[route.method.toLowerCase()] = operation;
  }

  const webhooks = webhookEventsOpenApi((schema, id) => outputs.add(schema, id));
  const schemas = outputs.toJsonSchemas("output");
  for (const [id, schema] of Object.entries(inputs.toJsonSchemas("input"))) {
    const existing = schemas[id];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(
        `OpenAPI: schema "${id}" differs between requests and responses; give one of them another id`,
      );
    }
    schemas[id] = schema;
  }
  const unregistered = [...JSON.stringify(schemas).matchAll(/__shared#\/\$defs\/([\w.-]+)/g)].map(
    (m) => m[1],
  );
  if (unregistered.length > 0) {
    throw new Error(
      `OpenAPI: nested schemas with an id are not registered as components: ${[...new Set(unregistered)].join(", ")}`,
    );
  }

  const errorResponses = Object.fromEntries(
    (Object.keys(ERROR_DESCRIPTIONS) as ErrorCode[]).map((code) => [
      code,
      {
        description: ERROR_DESCRIPTIONS[code],
        headers: {
          "X-Correlation-ID": headerRef("X-Correlation-ID"),
          ...((code === "rate_limit_exceeded" || code === "service_unavailable") && {
            "Retry-After": headerRef("Retry-After"),
          }),
        },
        content: {
          "application/json": {
            schema: { $ref: schemaRef(errorId) },
            ...(code === "conflict"
              ? { examples: IDEMPOTENCY_CONFLICT_EXAMPLES }
              : {
                  example: {
                    error: { code, message: ERROR_DESCRIPTIONS[code] },
                    request_id: EXAMPLE_REQUEST_ID,
                  },
                }),
          },
        },
      },
    ]),
  );

  return {
    openapi: OPENAPI_VERSION,
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    info: {
      title: "sharelinks API",
      version: API_VERSION,
      description:
        "Public share links for reports and scheduled reports. Authenticate with `Authorization: Bearer <api key>`. " +
        "Every response carries `X-Correlation-ID`; every error body is `{error: {code, message, details?}, request_id}`. " +
        "Authenticated routes are rate-limited per API key, the public route per client IP (`RateLimit-*` headers; 429 with `Retry-After`). " +
        "Failed authentications count per client IP under their own limit (then 429 with `Retry-After`). " +
        "Bodies above 1 MiB (32 MiB under `/v1/admin`) are refused with 413 `payload_too_large`.",
    },
    ...(options.serverUrl && { servers: [{ url: options.serverUrl }] }),
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    webhooks,
    components: {
      schemas,
      responses: errorResponses,
      parameters: { IdempotencyKey: IDEMPOTENCY_KEY_PARAMETER },
      headers: HEADERS,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key (`slk_...`), shown once when created.",
        },
        adminToken: {
          type: "http",
          scheme: "bearer",
          description: "The deployment's ADMIN_TOKEN (provisioning only).",
        },
      },
    },
  };
};
