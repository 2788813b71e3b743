import { randomUUID } from "node:crypto";
import { hugeNumber, nastyJson, nastyString, oddDate } from "@sharelinks/core/testing/nasty-input";
import fc from "fast-check";
import { ADMIN_TOKEN, type Member, type Tenant } from "./test-support/harness";

// The request generator for handler.property.test.ts, kept apart so the test file stays short.

const ONE_MIB = 1024 * 1024;

export interface Ids {
  tenant: Tenant;
  shareId: string;
  token: string;
}

export const arbitraries = (ids: () => Ids) => {
  const id = fc.oneof(
    fc.uuid(),
    fc.constantFrom("not-a-uuid", "", "00000000-0000-0000-0000-000000000000", "%00", "..", "ﬀ"),
    fc.string(),
  );
  // Each template with the method(s) it exists for, so most requests get past routing.
  const segmentTemplates = fc.constantFrom(
    ["POST", "/v1/reports/{report}/shares"],
    ["GET", "/v1/reports/{report}/shares"],
    ["DELETE", "/v1/reports/{report}/shares"],
    ["PATCH", "/v1/reports/{report}/shares/{share}"],
    ["DELETE", "/v1/reports/{report}/shares/{share}"],
    ["POST", "/v1/scheduled-reports/{schedule}/shares"],
    ["GET", "/v1/scheduled-reports/{schedule}/shares"],
    ["PATCH", "/v1/scheduled-reports/{schedule}/shares/{share}"],
    ["DELETE", "/v1/scheduled-reports/{schedule}/shares/{share}"],
    ["GET", "/v1/shares"],
    ["DELETE", "/v1/shares/{share}"],
    ["POST", "/v1/shares/cancel"],
    ["GET", "/v1/reports"],
    ["GET", "/v1/reports/{report}"],
    ["GET", "/v1/scheduled-reports"],
    ["GET", "/v1/scheduled-reports/{schedule}"],
    ["GET", "/v1/shared/{id}"],
    ["GET", "/v1/shared/TOKEN"],
    ["GET", "/shared/TOKEN"],
    ["GET", "/v1/openapi.json"],
    ["GET", "/healthz"],
    ["GET", "/readyz"],
    ["POST", "/v1/admin/brands"],
    ["PATCH", "/v1/admin/brands/{brand}"],
    ["POST", "/v1/admin/brands/{brand}/users"],
    ["POST", "/v1/admin/users/{user}/api-keys"],
    ["DELETE", "/v1/admin/api-keys/{id}"],
    ["POST", "/v1/admin/brands/{brand}/reports"],
    ["POST", "/v1/admin/brands/{brand}/scheduled-reports"],
    ["POST", "/v1/admin/scheduled-reports/{schedule}/runs"],
    ["GET", "/v1/shares/"],
    ["GET", "//v1//shares"],
    ["POST", "/v1/shares/cancel/extra"],
  );
  const real: Record<string, () => string> = {
    report: () => ids().tenant.reportId,
    schedule: () => ids().tenant.scheduleId,
    share: () => ids().shareId,
    brand: () => ids().tenant.brandId,
    user: () => ids().tenant.manager.id,
    id: () => randomUUID(),
  };
  // Mostly the right id for the placeholder, sometimes anything at all.
  const fill = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: id }), {
    minLength: 2,
    maxLength: 2,
  });
  const templated = fc.tuple(segmentTemplates, fill).map(([[templateMethod, template], values]) => {
    let n = 0;
    const path = template
      .replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = values[n++];
        return encodeURIComponent(
          value === null || value === undefined ? (real[name] as () => string)() : value,
        );
      })
      .replace("TOKEN", ids().token);
    return { templateMethod, path };
  });
  const target = fc.oneof(
    { weight: 8, arbitrary: templated },
    {
      weight: 1,
      arbitrary: fc.webPath().map((p) => ({ templateMethod: "GET", path: p.startsWith("/") ? p : `/${p}` })),
    },
    {
      weight: 1,
      arbitrary: fc.string().map((s) => ({ templateMethod: "POST", path: `/${encodeURIComponent(s)}` })),
    },
  );
  const query = fc.oneof(
    fc.constant(""),
    fc.constantFrom(
      "status=all",
      "status=expired&limit=1",
      "limit=0",
      "limit=abc",
      "starting_after=x",
      "a=1&a=2",
    ),
    fc.webQueryParameters(),
  );
  const method = fc.oneof(
    { weight: 16, arbitrary: fc.constant(null) }, // the template's own method
    { weight: 2, arbitrary: fc.constantFrom("GET", "POST", "PATCH", "DELETE") },
    { weight: 1, arbitrary: fc.constantFrom("PUT", "HEAD", "OPTIONS", "TRACE") },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,8}$/) },
  );
  const memberKeys = [
    () => (ids().tenant.members[0] as Member).key,
    () => (ids().tenant.members[1] as Member).key,
    () => ids().tenant.manager.key,
  ];
  // A function of the path, so most requests carry the kind of credential their route wants.
  const authorization = fc.oneof(
    { weight: 1, arbitrary: fc.constant((_path: string): string | undefined => undefined) },
    {
      weight: 6,
      arbitrary: fc
        .integer({ min: 0, max: 2 })
        .map(
          (i) => (path: string) =>
            `Bearer ${path.startsWith("/v1/admin") ? ADMIN_TOKEN : (memberKeys[i] as () => string)()}`,
        ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        () => `Bearer ${ADMIN_TOKEN}`,
        () => `Bearer ${ids().tenant.manager.key}`,
        () => "Bearer slk_short",
        () => "Basic dXNlcjpwYXNz",
        () => "Bearer",
        () => `bearer   ${ids().tenant.manager.key}  `,
      ),
    },
    { weight: 1, arbitrary: fc.string().map((s) => () => s) },
  );
  // Issue 8: control characters, lone surrogates, huge numbers and odd dates, besides any JSON.
  const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), nastyJson);
  const resultRow = fc.record(
    {
      prompt: nastyString,
      engine: nastyString,
      mentioned: fc.oneof(fc.boolean(), nastyJson),
      position: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 50 }), hugeNumber),
      sentiment: fc.oneof(fc.constantFrom(null, "positive", "neutral", "negative"), nastyString),
    },
    { requiredKeys: [] },
  );
  const shapedBody = fc.record(
    {
      expiration_days: fc.oneof(fc.integer({ min: -5, max: 400 }), hugeNumber, anyJson),
      rotate: fc.oneof(fc.boolean(), anyJson),
      white_label_config: fc.oneof(
        fc.constant(null),
        fc.record(
          {
            company_name: fc.oneof(fc.string(), nastyString, anyJson),
            logo_url: fc.oneof(fc.webUrl(), fc.string(), nastyString),
            primary_color: fc.oneof(fc.constantFrom("#A1B2C3", "#zzzzzz"), fc.string()),
            hide_powered_by: fc.oneof(fc.boolean(), anyJson),
            extra: anyJson,
          },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
      share_ids: fc.oneof(fc.array(fc.oneof(fc.uuid(), fc.string()), { maxLength: 120 }), anyJson),
      name: fc.oneof(fc.string(), nastyString, anyJson),
      email: fc.oneof(fc.emailAddress(), fc.string(), nastyString),
      role: fc.oneof(fc.constantFrom("member", "manager"), fc.string()),
      white_label: anyJson,
      title: fc.oneof(fc.string(), nastyString),
      status: fc.oneof(fc.constantFrom("completed", "running", "failed"), fc.string()),
      created_by: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null).map(() => ids().tenant.manager.id) },
        { weight: 1, arbitrary: fc.oneof(fc.uuid(), nastyString) },
      ),
      completed_at: fc.oneof(fc.constant(new Date().toISOString()), oddDate, nastyJson),
      started_at: fc.oneof(fc.constant(new Date().toISOString()), oddDate, nastyJson),
      cadence: fc.oneof(fc.constant("weekly"), nastyString),
      results: fc.oneof(fc.array(resultRow, { maxLength: 3 }), anyJson),
      unknown_field: anyJson,
    },
    { requiredKeys: [] },
  );
  const validBody = fc.oneof(
    fc.constantFrom("{}", '{"rotate":true}', '{"expiration_days":7}', '{"expiration_days":365}'),
    fc.constant(null).map(() => JSON.stringify({ share_ids: [ids().shareId, randomUUID()] })),
    fc.constant(null).map(() => JSON.stringify({ name: "Brand", white_label: { primary_color: "#123456" } })),
    fc.constant(null).map(() => JSON.stringify({ email: `${randomUUID()}@x.test`, role: "member" })),
  );
  const body = fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: validBody },
    { weight: 4, arbitrary: shapedBody.map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.string({ unit: "binary" }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("{", "[[[[", "\u0000", '{"__proto__": {"x": 1}}', "null", "1e999"),
    },
    { weight: 1, arbitrary: fc.constant(`${"[".repeat(20_000)}${"]".repeat(20_000)}`) },
    { weight: 1, arbitrary: fc.constant(`{"share_ids": ["${"a".repeat(ONE_MIB)}"]}`) },
  );
  const headers = fc.dictionary(
    fc.constantFrom(
      "content-type",
      "x-forwarded-for",
      "host",
      "x-correlation-id",
      "accept",
      "content-length",
      "x-junk",
    ),
    fc.string({ maxLength: 40 }),
  );
  return fc
    .record({ method, target, query, authorization, body, headers })
    .map(({ method, target, ...rest }) => ({
      ...rest,
      method: method ?? target.templateMethod,
      path: target.path,
    }));
};
