import { randomUUID } from "node:crypto";
import { hugeNumber, nastyJson, nastyString, oddDate } from "@sharelinks/core/testing/nasty-input";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { BodyTooLargeError } from "@sharelinks/edge";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRestRequest } from "./handler";
import { errorSchema } from "./schemas";
import {
  ADMIN_TOKEN,
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
} from "./test-support/harness";
import { createFetchHandler } from "./transports/fetch";
import type { RestRequest } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const KNOWN_STATUSES = new Set([200, 201, 204, 400, 401, 403, 404, 405, 409, 410, 413, 422, 429, 503]);
const ONE_MIB = 1024 * 1024;

interface Ids {
  tenant: Tenant;
  shareId: string;
  token: string;
}

const arbitraries = (ids: () => Ids) => {
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

/** What the API promises for every request whatever it is. */
const assertEnvelope = (
  status: number,
  correlationId: string | null,
  text: string | null,
  method: string,
) => {
  expect(KNOWN_STATUSES.has(status), `unexpected status ${status}: ${text}`).toBe(true);
  expect(correlationId).toMatch(UUID);
  if (method === "HEAD" || status === 204) {
    expect(text ?? "").toBe("");
    return;
  }
  const json = JSON.parse(text ?? "");
  if (status >= 400) {
    const envelope = errorSchema.parse(json);
    expect(envelope.request_id).toBe(correlationId);
  }
};

describe.each(testDatabaseKinds())("property: any request gets an envelope, never a 500, on %s", (kind) => {
  let h: Harness;
  let ids: Ids;
  /** The share the generators aim at, minted again whenever a request may have removed it. */
  const renewShare = async () => {
    const res = await h.request("POST", `/v1/reports/${ids.tenant.reportId}/shares`, {
      key: (ids.tenant.members[0] as Member).key,
      body: { rotate: true, expiration_days: 365 },
    });
    expect(res.status).toBe(201);
    ids.shareId = res.json.id;
    ids.token = res.json.access_token;
  };

  beforeAll(async () => {
    h = await startHarness(kind, { checkResponses: false });
    ids = { tenant: await provisionTenant(h, 2), shareId: "", token: "" };
    await renewShare();
  });
  afterAll(() => h.close());

  it("through handleRestRequest (in process)", async () => {
    const errors = () => h.logs.records().filter((r) => r.level === 50);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        arbitraries(() => ids),
        async (r) => {
          const headers: Record<string, string> = { ...r.headers };
          const credential = r.authorization(r.path);
          if (credential !== undefined) headers.authorization = credential;
          const request: RestRequest = {
            method: r.method,
            path: r.path,
            query: new URLSearchParams(r.query),
            headers,
            clientIp: "203.0.113.7",
            readBody: async (limit) => {
              const text = r.body ?? "";
              if (Buffer.byteLength(text) > limit) throw new BodyTooLargeError(limit);
              return text;
            },
          };
          const response = await handleRestRequest(request, h.ctx);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status < 300 && r.method !== "GET" && r.method !== "HEAD") await renewShare();
          assertEnvelope(
            response.status,
            response.headers["X-Correlation-ID"] ?? null,
            response.body,
            r.method,
          );
          expect(response.status).not.toBe(500);
        },
      ),
      { numRuns: 2500 },
    );
    expect(errors()).toEqual([]);
    // The generators reach past routing and auth into the use cases, not just the 404/405/401 paths.
    for (const status of [200, 201, 204, 400, 401, 403, 404, 405, 422])
      expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it("through the fetch handler", async () => {
    const handler = createFetchHandler(h.ctx);
    await fc.assert(
      fc.asyncProperty(
        arbitraries(() => ids),
        async (r) => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(r.headers)) {
            if (name === "content-length" || name === "host") continue;
            try {
              headers.set(name, value);
            } catch {
              // not a legal header value for fetch: skip it
            }
          }
          const credential = r.authorization(r.path);
          if (credential !== undefined) {
            try {
              headers.set("authorization", credential);
            } catch {
              // not a legal header value for fetch
            }
          }
          const hasBody = r.body !== undefined && r.method !== "GET" && r.method !== "HEAD";
          let request: Request;
          try {
            request = new Request(`http://api.test${r.path}${r.query ? `?${r.query}` : ""}`, {
              method: r.method,
              headers,
              ...(hasBody && { body: r.body }),
            });
          } catch {
            return; // fetch refuses this method (TRACE, CONNECT...) before it reaches us
          }
          const response = await handler(request);
          const text = await response.text();
          if (response.status < 300 && r.method !== "GET" && r.method !== "HEAD") await renewShare();
          assertEnvelope(response.status, response.headers.get("x-correlation-id"), text, r.method);
        },
      ),
      { numRuns: 500 },
    );
  }, 300_000);

  it("a fresh request id per request", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const res = await h.request("GET", `/v1/nope/${randomUUID()}`);
      seen.add(res.headers.get("x-correlation-id") as string);
    }
    expect(seen.size).toBe(50);
  });
});
