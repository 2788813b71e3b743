import type { AddressInfo } from "node:net";
import { createUser } from "@sharelinks/core";
import { observeDb } from "@sharelinks/db";
import { createTenant, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontDoorHarness, SAME_ORIGIN, startFrontDoor } from "../test-support/front-door-harness";
import { type Exposition, parseExposition, sampleSum } from "../test-support/prometheus-text";
import { startMetricsListener } from "./metrics-endpoint";
import { createServerMetrics, type ServerMetrics } from "./server-metrics";

const METRICS_TOKEN = "metrics-token-for-the-metrics-test";
const PASSWORD = "correct horse battery staple";
const PUBLIC_LIMIT = 6;

describe.each(testDatabaseKinds())("GET /metrics on %s", (kind) => {
  let h: FrontDoorHarness;
  let metrics: ServerMetrics;
  const secrets: string[] = [METRICS_TOKEN];

  const scrape = async (): Promise<Exposition> => {
    const res = await fetch(`${h.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    return parseExposition(await res.text());
  };

  beforeAll(async () => {
    metrics = createServerMetrics();
    observeDb(metrics.db);
    h = await startFrontDoor(
      kind,
      { metricsToken: METRICS_TOKEN, publicRateLimitPerMinute: PUBLIC_LIMIT, rateLimitPerMinute: 1000 },
      { metrics },
    );
    const tenant = await createTenant(h.database.services);
    const email = `metrics-${tenant.brand.id.slice(0, 8)}@example.test`;
    await createUser(h.database.services.provisioning, tenant.brand.id, {
      email,
      role: "member",
      password: PASSWORD,
    });
    secrets.push(email);
  });

  afterAll(async () => {
    observeDb(null);
    await h.close();
  });

  it("is refused without the bearer token, and not served at all on the main port without METRICS_TOKEN", async () => {
    expect((await fetch(`${h.base}/metrics`)).status).toBe(401);
    expect((await fetch(`${h.base}/metrics`, { headers: { authorization: "Bearer nope" } })).status).toBe(
      401,
    );
    // On h's database (a front door of its own, without METRICS_TOKEN): what is
    // checked is routing, and a database of its own cost a PGlite start (2-3 CPU-s).
    const open = await startFrontDoor(kind, {}, { metrics: createServerMetrics(), sharedWith: h });
    try {
      // Without a token /metrics is just another dashboard path (Next.js, here the 299 stand-in).
      expect((await fetch(`${open.base}/metrics`)).status).toBe(299);
    } finally {
      await open.close();
    }
  });

  it("exports the request, public-read, share-event, limiter, pool and Redis series, with no token in any label", async () => {
    const signIn = await fetch(`${h.base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: SAME_ORIGIN,
      body: JSON.stringify({ email: secrets[1], password: PASSWORD }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    secrets.push(cookie.split("=")[1] as string);
    const list = await fetch(`${h.base}/api/trpc/reports.listReports`, { headers: { cookie } });
    const reports = ((await list.json()) as { result: { data: Array<{ id: string }> } }).result.data;
    const created = await fetch(`${h.base}/api/trpc/shares.createShare`, {
      method: "POST",
      headers: { ...SAME_ORIGIN, cookie },
      body: JSON.stringify({ resource: { type: "report", id: reports[0]?.id } }),
    });
    const share = ((await created.json()) as { result: { data: { access_token: string } } }).result.data;
    secrets.push(share.access_token);

    const statuses: number[] = [];
    statuses.push((await fetch(`${h.base}/v1/shared/${share.access_token}`)).status);
    statuses.push((await fetch(`${h.base}/shared/${share.access_token}`)).status);
    statuses.push((await fetch(`${h.base}/v1/shared/${"B".repeat(43)}`)).status);
    h.clock.advance(31 * 24 * 60 * 60 * 1000);
    statuses.push((await fetch(`${h.base}/v1/shared/${share.access_token}`)).status);
    while (statuses.length < PUBLIC_LIMIT + 1) {
      statuses.push((await fetch(`${h.base}/v1/shared/${share.access_token}`)).status);
    }
    expect(statuses).toEqual([200, 200, 404, 410, 410, 410, 429]);
    await fetch(`${h.base}/reports/some-page`);

    const m = await scrape();
    // Families and their types.
    for (const [name, type] of [
      ["http_request_duration_seconds", "histogram"],
      ["http_requests_in_flight", "gauge"],
      ["sharelinks_public_reads_total", "counter"],
      ["sharelinks_share_events_total", "counter"],
      ["sharelinks_rate_limit_rejections_total", "counter"],
      ["sharelinks_db_pool_in_use", "gauge"],
      ["sharelinks_db_pool_waiting", "gauge"],
      ["sharelinks_db_errors_total", "counter"],
      ["sharelinks_db_transaction_retries_total", "counter"],
      ["sharelinks_redis_fallback_active", "gauge"],
      ["process_cpu_seconds_total", "counter"],
      ["nodejs_eventloop_lag_seconds", "gauge"],
    ] as const) {
      expect(m.types.get(name), name).toBe(type);
    }

    // Requests by route template and status class.
    const api = { route: "/v1/shared/{token}", method: "GET" };
    expect(sampleSum(m, "http_request_duration_seconds_count", { ...api, status_class: "2xx" })).toBe(1);
    expect(sampleSum(m, "http_request_duration_seconds_count", { ...api, status_class: "4xx" })).toBe(5);
    expect(
      sampleSum(m, "http_request_duration_seconds_count", { route: "(next)", status_class: "2xx" }),
    ).toBe(1);
    expect(sampleSum(m, "http_request_duration_seconds_count", { route: "/api/trpc" })).toBe(3);
    // The scrape itself is not a request of the service.
    expect(sampleSum(m, "http_requests_in_flight")).toBe(0);

    expect(sampleSum(m, "sharelinks_public_reads_total", { surface: "api", outcome: "200" })).toBe(1);
    expect(sampleSum(m, "sharelinks_public_reads_total", { surface: "page", outcome: "200" })).toBe(1);
    expect(sampleSum(m, "sharelinks_public_reads_total", { surface: "api", outcome: "404" })).toBe(1);
    expect(sampleSum(m, "sharelinks_public_reads_total", { surface: "api", outcome: "410" })).toBe(3);
    expect(sampleSum(m, "sharelinks_public_reads_total", { surface: "api", outcome: "429" })).toBe(1);
    expect(sampleSum(m, "sharelinks_share_events_total", { type: "created" })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(m, "sharelinks_rate_limit_rejections_total", { limiter: "ip" })).toBe(1);
    expect(sampleSum(m, "sharelinks_redis_fallback_active")).toBe(0);
    if (kind === "postgres") expect(sampleSum(m, "sharelinks_db_pool_size")).toBeGreaterThan(0);
    else expect(sampleSum(m, "sharelinks_db_pool_size")).toBe(0);
    expect(sampleSum(m, "sharelinks_db_pool_waiting")).toBe(0);

    // No credential, token or email anywhere in a label, and every route label a template.
    const labelValues = m.samples.flatMap((s) => Object.values(s.labels));
    for (const secret of secrets) {
      expect(labelValues.filter((value) => value.includes(secret))).toEqual([]);
    }
    const routes = new Set(m.samples.map((s) => s.labels.route).filter((r) => r !== undefined));
    for (const route of routes)
      expect(route).toMatch(/^(\/[a-z0-9_./-]*(\{[a-z_]+\})?)+$|^\((next|unmatched)\)$/);
  });

  it("counts database errors by class when the database layer reports them", async () => {
    metrics.db.error("constraint");
    metrics.db.transactionRetry();
    const m = await scrape();
    expect(sampleSum(m, "sharelinks_db_errors_total", { class: "constraint" })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(m, "sharelinks_db_transaction_retries_total")).toBeGreaterThanOrEqual(1);
  });
});

describe("the separate metrics listener (METRICS_PORT)", () => {
  it("serves /metrics and nothing else", async () => {
    const metrics = createServerMetrics();
    const server = await startMetricsListener(metrics.registry, { host: "127.0.0.1", port: 0 });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(parseExposition(await res.text()).types.get("http_request_duration_seconds")).toBe("histogram");
      expect((await fetch(`${base}/v1/shares`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
