/** The slice of OpenAPI 3.1 the reference page reads. Everything optional: render what is there. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  example?: unknown;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  readOnly?: boolean;
  deprecated?: boolean;
}

export interface ParameterObject {
  $ref?: string;
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: SchemaObject;
  deprecated?: boolean;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, { value?: unknown; summary?: string }>;
}

export interface RequestBodyObject {
  $ref?: string;
  description?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  $ref?: string;
  description?: string;
  headers?: Record<string, { description?: string; schema?: SchemaObject }>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
  security?: Array<Record<string, string[]>>;
  deprecated?: boolean;
}

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItem = Partial<Record<HttpMethod, OperationObject>> & {
  parameters?: ParameterObject[];
  summary?: string;
  description?: string;
};

export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: Array<{ url: string; description?: string }>;
  tags?: Array<{ name: string; description?: string }>;
  paths?: Record<string, PathItem>;
  /** OpenAPI 3.1: requests the API sends (its webhook events). */
  webhooks?: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, SchemaObject>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
    requestBodies?: Record<string, RequestBodyObject>;
    securitySchemes?: Record<
      string,
      {
        type?: string;
        scheme?: string;
        bearerFormat?: string;
        description?: string;
        name?: string;
        in?: string;
      }
    >;
  };
  security?: Array<Record<string, string[]>>;
}

/** Follows a local `#/...` JSON pointer; unknown refs resolve to undefined. */
export const resolvePointer = (doc: OpenApiDocument, ref: string): unknown => {
  if (!ref.startsWith("#/")) return undefined;
  let current: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current && typeof current === "object" && key in (current as Record<string, unknown>)) {
      current = (current as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return current;
};

export const deref = <T extends { $ref?: string }>(
  doc: OpenApiDocument,
  value: T | undefined,
): T | undefined => {
  let current = value;
  for (let i = 0; i < 10 && current?.$ref; i += 1)
    current = resolvePointer(doc, current.$ref) as T | undefined;
  return current;
};

export const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

export interface Operation {
  id: string;
  method: HttpMethod;
  path: string;
  op: OperationObject;
  parameters: ParameterObject[];
  tag: string;
}

const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Operations grouped by their first tag, in the document's tag order, then by path. */
export const groupOperations = (
  doc: OpenApiDocument,
): Array<{ tag: string; description?: string; operations: Operation[] }> => {
  const groups = new Map<string, Operation[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "Other";
      // Path-level parameters apply unless the operation overrides them by name+location.
      const own = (op.parameters ?? [])
        .map((p) => deref(doc, p))
        .filter((p): p is ParameterObject => Boolean(p));
      const inherited = (item.parameters ?? [])
        .map((p) => deref(doc, p))
        .filter((p): p is ParameterObject => Boolean(p))
        .filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
      const list = groups.get(tag) ?? [];
      list.push({ id: `${method}-${slug(path)}`, method, path, op, parameters: [...inherited, ...own], tag });
      groups.set(tag, list);
    }
  }
  const declared = (doc.tags ?? []).map((t) => t.name);
  const order = [
    ...declared.filter((name) => groups.has(name)),
    ...[...groups.keys()].filter((name) => !declared.includes(name)),
  ];
  return order.map((tag) => ({
    tag,
    description: doc.tags?.find((t) => t.name === tag)?.description,
    operations: groups.get(tag) ?? [],
  }));
};

export const tagAnchor = (tag: string) => `tag-${slug(tag)}`;

/** "string (uuid)", "integer", "array of Share", "string | null". */
export const typeLabel = (doc: OpenApiDocument, schema: SchemaObject | undefined): string => {
  if (!schema) return "any";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.oneOf || schema.anyOf) {
    return (schema.oneOf ?? schema.anyOf ?? []).map((s) => typeLabel(doc, s)).join(" | ");
  }
  if (schema.allOf) return schema.allOf.map((s) => typeLabel(doc, s)).join(" & ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const labels = types.map((t) => {
    if (t === "array") return `array of ${typeLabel(doc, schema.items)}`;
    if (t === "object" && !schema.properties && typeof schema.additionalProperties === "object") {
      return `map of ${typeLabel(doc, schema.additionalProperties)}`;
    }
    return schema.format && t !== "null" ? `${t} (${schema.format})` : t;
  });
  if (schema.nullable) labels.push("null");
  if (labels.length === 0) return schema.properties ? "object" : "any";
  return labels.join(" | ");
};

/** Human constraints: "1 ≤ value ≤ 365", "one of: a, b", "pattern ^#…$". */
export const constraintsOf = (schema: SchemaObject | undefined): string[] => {
  if (!schema) return [];
  const out: string[] = [];
  if (schema.enum) out.push(`one of: ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  if (min !== undefined && max !== undefined) out.push(`${min} to ${max}`);
  else if (min !== undefined) out.push(`≥ ${min}`);
  else if (max !== undefined) out.push(`≤ ${max}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    out.push(`length ${schema.minLength ?? 0}..${schema.maxLength ?? "∞"}`);
  }
  if (schema.minItems !== undefined || schema.maxItems !== undefined) {
    out.push(`${schema.minItems ?? 0}..${schema.maxItems ?? "∞"} items`);
  }
  // A format (uuid, email, date-time) says it better than the regex generated for it.
  if (schema.pattern && !schema.format) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
};
