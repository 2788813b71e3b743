import { randomBytes } from "node:crypto";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { scanText } from "@sharelinks/edge/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, provisionTenant, RESULTS, startHarness, type Tenant } from "./test-support/harness";

const NUL = "a\u0000b";
const SURROGATE = "a\ud800b";
const BELL = "a\u0007b";
const YEAR_ZERO = "0000-01-01T00:00:00Z";

/**
 * Issue 8 on the REST API: every admin and share string that reaches the
 * database (finding 2), result rows (finding 10), query parameters
 * (finding 10), then a scan of every log line those requests wrote
 * (finding 3). Before the fix each string case was a 500 whose log line
 * carried drizzle's `Failed query: … params: …`.
 */
describe.each(testDatabaseKinds())("bad input on REST is a clear 4xx on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  beforeAll(async () => {
    h = await startHarness(kind);
    t = await provisionTenant(h, 1);
  });
  afterAll(() => h.close());

  const expect422Naming = async (
    method: string,
    path: string,
    body: unknown,
    field: string,
    key?: string,
  ) => {
    const res = key ? await h.request(method, path, { key, body }) : await h.admin(method, path, body);
    expect(res.status, `${method} ${path} ${field}: ${res.text}`).toBe(422);
    expect(res.json.error.code).toBe("body_validation_error");
    expect(res.json.error.details.errors.map((e: { path: string }) => e.path)).toContain(field);
  };

  it("finding 2: NUL, lone surrogates and control characters in every admin string", async () => {
    const report = (over: Record<string, unknown>) => ({
      title: "t",
      created_by: t.manager.id,
      status: "completed",
      completed_at: "2026-01-01T00:00:00Z",
      results: RESULTS,
      ...over,
    });
    const row = (over: Record<string, unknown>) => [{ ...RESULTS[0], ...over }];
    const schedule = (over: Record<string, unknown>) => ({
      name: "n",
      cadence: "weekly",
      created_by: t.manager.id,
      ...over,
    });
    const run = (over: Record<string, unknown>) => ({
      status: "completed",
      started_at: "2026-01-01T00:00:00Z",
      completed_at: "2026-01-01T00:00:00Z",
      results: RESULTS,
      ...over,
    });
    const brands = "/v1/admin/brands";
    const brand = `/v1/admin/brands/${t.brandId}`;
    for (const bad of [NUL, SURROGATE, BELL]) {
      await expect422Naming("POST", brands, { name: bad }, "name");
      await expect422Naming(
        "POST",
        brands,
        { name: "ok", white_label: { company_name: bad } },
        "white_label.company_name",
      );
      await expect422Naming(
        "PATCH",
        brand,
        { white_label: { logo_url: `https://x.test/${bad}` } },
        "white_label.logo_url",
      );
      await expect422Naming(
        "POST",
        `${brand}/users`,
        { email: "u@x.test", role: "member", name: bad },
        "name",
      );
      await expect422Naming("POST", `${brand}/users`, { email: `u${bad}@x.test`, role: "member" }, "email");
      await expect422Naming("POST", `/v1/admin/users/${t.manager.id}/api-keys`, { name: bad }, "name");
      await expect422Naming("POST", `${brand}/reports`, report({ title: bad }), "title");
      await expect422Naming(
        "POST",
        `${brand}/reports`,
        report({ results: row({ engine: bad }) }),
        "results.0.engine",
      );
      await expect422Naming("POST", `${brand}/scheduled-reports`, schedule({ name: bad }), "name");
      await expect422Naming("POST", `${brand}/scheduled-reports`, schedule({ cadence: bad }), "cadence");
      await expect422Naming(
        "POST",
        `/v1/admin/scheduled-reports/${t.scheduleId}/runs`,
        run({ results: row({ prompt: bad }) }),
        "results.0.prompt",
      );
      // The share a key holder creates (the finding's first example).
      await expect422Naming(
        "POST",
        `/v1/reports/${t.reportId}/shares`,
        { white_label_config: { company_name: bad } },
        "white_label_config.company_name",
        t.manager.key,
      );
    }
    // Prompts are multi-line: tab and line breaks are text there, NUL is not (above).
    const multiLine = await h.admin(
      "POST",
      `${brand}/reports`,
      report({ results: row({ prompt: "a\tb\nc" }) }),
    );
    expect(multiLine.status).toBe(201);
  });

  it("finding 2: year 0000, impossible and out-of-range dates", async () => {
    const brand = `/v1/admin/brands/${t.brandId}`;
    for (const at of [YEAR_ZERO, "2026-02-30T00:00:00Z", "+275760-09-13T00:00:00Z", "1969-12-31T23:59:59Z"]) {
      await expect422Naming(
        "POST",
        `${brand}/reports`,
        { title: "t", created_by: t.manager.id, status: "completed", completed_at: at, results: [] },
        "completed_at",
      );
      await expect422Naming(
        "POST",
        `/v1/admin/scheduled-reports/${t.scheduleId}/runs`,
        { status: "running", started_at: at, results: [] },
        "started_at",
      );
    }
  });

  it("finding 10: a row with mentioned: false has no position and no sentiment", async () => {
    const res = await h.admin("POST", `/v1/admin/brands/${t.brandId}/reports`, {
      title: "t",
      created_by: t.manager.id,
      status: "running",
      results: [{ prompt: "p", engine: "e", mentioned: false, position: 3, sentiment: "positive" }],
    });
    expect(res.status).toBe(422);
    const paths = res.json.error.details.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["results.0.position", "results.0.sentiment"]));
  });

  it("finding 10: strict integers and no unknown query parameter, __proto__ included", async () => {
    const key = t.manager.key;
    for (const query of [
      "limit=0x10",
      "limit=1e1",
      "limit=%207",
      "limit=2.5",
      "limit=-1",
      "limit=99999999999999999999",
    ]) {
      const res = await h.request("GET", `/v1/shares?${query}`, { key });
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe("validation_error");
    }
    expect((await h.request("GET", "/v1/shares?limit=16", { key })).status).toBe(200);
    for (const query of ["__proto__=x", "constructor=x", "foo=1", "limit=1&limit=2"]) {
      const res = await h.request("GET", `/v1/shares?${query}`, { key });
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe("validation_error");
    }
  });

  it("finding 10: health paths answer with a query string too", async () => {
    for (const path of ["/healthz?x", "/readyz?x", "/healthz?probe=1&t=2"]) {
      const res = await h.request("GET", path);
      expect(res.status, path).toBe(200);
    }
  });

  // Last: it reads every line the cases above made the server write.
  it("finding 3: none of those requests wrote a secret, a query or a parameter to the log", () => {
    expect(h.logs.lines.length).toBeGreaterThan(50);
    const scan = scanText(h.logs.lines.join("\n"));
    expect(scan.findings).toEqual([]);
    const text = h.logs.lines.join("\n");
    expect(text).not.toMatch(/Failed query|params:|insert into|select /i);
    expect(h.logs.records().filter((r) => (r.level as number) >= 50)).toEqual([]); // no error line: no 500
  });
});

describe.each(testDatabaseKinds())("API key guessing on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  beforeAll(async () => {
    // The default AUTH_FAILURE_LIMIT_PER_MINUTE (60); the per-key budget is generous so it is not what bites.
    h = await startHarness(kind);
    t = await provisionTenant(h, 0);
  });
  afterAll(() => h.close());

  it("finding 9: 60 failed authentications per client IP, then 429 with Retry-After, a right key included", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const key = `slk_${randomBytes(32).toString("base64url")}`;
      statuses.push((await h.request("GET", "/v1/shares", { key })).status);
    }
    expect(statuses.slice(0, 60).every((status) => status === 401)).toBe(true);
    expect(statuses[60]).toBe(429);
    const refused = await h.request("GET", "/v1/shares", { key: t.manager.key });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limit_exceeded");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.json.error.details.retry_after).toBe(Number(refused.headers.get("retry-after")));
  });
});
