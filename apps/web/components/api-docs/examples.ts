import { deref, type OpenApiDocument, type Operation, type SchemaObject } from "./openapi";

/**
 * Example requests and responses made from the OpenAPI document itself, so a
 * new field shows up in the examples the moment it is in the schema. A
 * schema's own `example`/`examples`/`default`/`enum` wins; otherwise the value
 * is made up from the format, the bounds and a few well-known field names.
 */

const EXAMPLE_UUID = "3f1c6b0e-8a9d-4b6f-9c2e-5d7a1b2c3d4e";
const EXAMPLE_TIME = "2026-03-01T12:00:00.000Z";
const EXAMPLE_TOKEN = "q3Xk9V2mR7tLw0aZ5cN8bYp1sD4fG6hJ2kE9uI0oP7r";

/** Field names whose made-up value would otherwise read oddly. */
const BY_NAME: Record<string, unknown> = {
  access_token: EXAMPLE_TOKEN,
  token: EXAMPLE_TOKEN,
  share_url: `https://sharelinks.example.com/shared/${EXAMPLE_TOKEN}`,
  expiration_days: 30,
  logo_url: "https://cdn.example.com/logo.png",
  primary_color: "#0E7490",
  company_name: "Northwind Partners",
  email: "alice@example.com",
  name: "Alice",
  title: "Q3 AI visibility audit",
  prompt: "best crm for small agencies",
  engine: "chatgpt",
  request_id: "9f6c4e8a-1d3b-4c8b-9f1e-7a3b1c2d3e4f",
};

const STRING_BY_FORMAT: Record<string, string> = {
  uuid: EXAMPLE_UUID,
  "date-time": EXAMPLE_TIME,
  date: "2026-03-01",
  uri: "https://example.com",
  url: "https://example.com",
  email: "alice@example.com",
};

export type ExampleMode = "request" | "response";

const MAX_DEPTH = 8;

export const exampleOf = (
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
  mode: ExampleMode,
  name?: string,
  seen: readonly string[] = [],
): unknown => {
  if (!schema) return null;
  if (schema.$ref && (seen.includes(schema.$ref) || seen.length > MAX_DEPTH)) return {};
  const nextSeen = schema.$ref ? [...seen, schema.$ref] : seen;
  const s = deref(doc, schema) ?? {};
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;

  const variants = s.oneOf ?? s.anyOf;
  if (variants?.length) {
    const concrete = variants.find((v) => (deref(doc, v)?.type ?? "") !== "null") ?? variants[0];
    return exampleOf(doc, concrete, mode, name, nextSeen);
  }
  if (s.allOf?.length) {
    const merged: Record<string, unknown> = {};
    for (const part of s.allOf) Object.assign(merged, exampleOf(doc, part, mode, name, nextSeen));
    return merged;
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ["object"] : [];
  const type = types.find((t) => t !== "null") ?? types[0];
  if (name && name in BY_NAME && type !== "object" && type !== "array") return BY_NAME[name];
  switch (type) {
    case "string":
      if (s.format && s.format in STRING_BY_FORMAT) return STRING_BY_FORMAT[s.format];
      if (s.pattern?.includes("0-9A-Fa-f")) return "#0E7490";
      return name ? `example ${name.replace(/_/g, " ")}` : "string";
    case "integer":
      return s.minimum ?? s.exclusiveMinimum ?? 1;
    case "number":
      return s.maximum !== undefined && s.maximum <= 1 ? 0.5 : (s.minimum ?? 1);
    case "boolean":
      return false;
    case "null":
      return null;
    case "array":
      return [exampleOf(doc, s.items, mode, undefined, nextSeen)];
    case "object":
      return objectExample(doc, s, mode, nextSeen);
    default:
      return null;
  }
};

/** A response shows every field; a request body only what is required (or its first field). */
const objectExample = (
  doc: OpenApiDocument,
  s: SchemaObject,
  mode: ExampleMode,
  seen: readonly string[],
): Record<string, unknown> => {
  const entries = Object.entries(s.properties ?? {}).filter(
    ([, prop]) => mode === "response" || !deref(doc, prop)?.readOnly,
  );
  const required = new Set(s.required ?? []);
  const chosen =
    mode === "response"
      ? entries
      : entries.some(([key]) => required.has(key))
        ? entries.filter(([key]) => required.has(key))
        : entries.slice(0, 1);
  return Object.fromEntries(chosen.map(([key, prop]) => [key, exampleOf(doc, prop, mode, key, seen)]));
};

/** The request body an operation's example sends, or undefined when it takes none. */
export const requestExampleOf = (doc: OpenApiDocument, operation: Operation): unknown => {
  const body = deref(doc, operation.op.requestBody);
  const media = body?.content?.["application/json"];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  return exampleOf(doc, media.schema, "request");
};

/** The first 2xx answer with a JSON body: its status and an example body. */
export const responseExampleOf = (
  doc: OpenApiDocument,
  operation: Operation,
): { status: string; body: unknown } | null => {
  for (const [status, raw] of Object.entries(operation.op.responses ?? {})) {
    if (!status.startsWith("2")) continue;
    const media = deref(doc, raw)?.content?.["application/json"];
    if (!media) return { status, body: undefined };
    const body = media.example !== undefined ? media.example : exampleOf(doc, media.schema, "response");
    return { status, body };
  }
  return null;
};

/** How an operation authenticates: with an API key, the admin token, or not at all. */
export type AuthKind = "api_key" | "admin" | "none";

export const authKindOf = (doc: OpenApiDocument, operation: Operation): AuthKind => {
  const security = operation.op.security ?? doc.security ?? [];
  const schemes = security.flatMap((requirement) => Object.keys(requirement));
  if (schemes.includes("apiKey")) return "api_key";
  if (schemes.length > 0) return "admin";
  return "none";
};

/** `{report_id}` -> `$REPORT_ID`: placeholders the reader sets in the shell. */
export const shellVar = (param: string) => `$${param.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}`;

const AUTH_HEADER: Record<AuthKind, string | null> = {
  api_key: "Authorization: Bearer $SHARELINKS_API_KEY",
  admin: "Authorization: Bearer $ADMIN_TOKEN",
  none: null,
};

/** A copy-pasteable curl command: path parameters and credentials as shell variables. */
export const curlOf = (doc: OpenApiDocument, operation: Operation, baseUrl: string): string => {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, param: string) => shellVar(param));
  const query = operation.parameters
    .filter((p) => p.in === "query" && p.required)
    .map(
      (p) =>
        `${encodeURIComponent(p.name)}=${encodeURIComponent(String(exampleOf(doc, p.schema, "request", p.name)))}`,
    )
    .join("&");
  const url = `${baseUrl.replace(/\/+$/, "")}${path}${query ? `?${query}` : ""}`;
  const lines = [`curl${operation.method === "get" ? "" : ` -X ${operation.method.toUpperCase()}`} "${url}"`];
  const auth = AUTH_HEADER[authKindOf(doc, operation)];
  if (auth) lines.push(`-H "${auth}"`);
  const body = requestExampleOf(doc, operation);
  if (body !== undefined) {
    lines.push('-H "Content-Type: application/json"');
    // Single quotes keep the JSON literal in a POSIX shell; a quote inside is closed and escaped.
    lines.push(`-d '${JSON.stringify(body).replace(/'/g, `'\\''`)}'`);
  }
  return lines.join(" \\\n  ");
};
