import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
  tokenOf,
} from "./test-support/harness";

const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const stores = process.env.REDIS_URL ? (["memory", "redis"] as const) : (["memory"] as const);

describe.each(stores)("rate limits with the %s store", (store) => {
  let h: Harness;
  let t: Tenant;
  let token: string;
  const prefix = `sharelinks-test-${randomUUID()}`;

  beforeAll(async () => {
    h = await startHarness("pglite", {
      rateLimits: { perKeyPerMinute: 5, publicPerIpPerMinute: 3 },
      rateLimitKeyPrefix: prefix,
      trustProxyHops: 1,
      ...(store === "redis" && { redisUrl: process.env.REDIS_URL as string }),
    });
    expect(await h.ctx.limits.ready()).toBe(true);
    expect(h.ctx.limits.store).toBe(store);
    // Provisioning (admin) is not rate-limited.
    t = await provisionTenant(h, 2);
    const share = await h.request("POST", `/v1/reports/${t.reportId}/shares`, {
      key: (t.members[1] as Member).key,
    });
    token = tokenOf(share.json);
  });
  afterAll(() => h.close());

  it("per API key: RateLimit-* on every response, then 429 with Retry-After and details.retry_after", async () => {
    const key = (t.members[0] as Member).key;
    const remaining: string[] = [];
    // Counted across routes: the budget is the key's, not the route's.
    for (const path of ["/v1/shares", "/v1/reports", "/v1/shares", "/v1/scheduled-reports", "/v1/shares"]) {
      const res = await h.request("GET", path, { key });
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe("5");
      const reset = Number(res.headers.get("ratelimit-reset"));
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
      remaining.push(res.headers.get("ratelimit-remaining") as string);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);

    const limited = await h.request("GET", "/v1/shares", { key });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limit_exceeded");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json.error.details.retry_after).toBe(retryAfter);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("ratelimit-limit")).toBe("5");

    // Another key of the same user's brand is unaffected; so is the public route.
    expect((await h.request("GET", "/v1/shares", { key: t.manager.key })).status).toBe(200);
    expect(
      (await h.request("GET", `/v1/shared/${token}`, { headers: { "x-forwarded-for": "198.51.100.200" } }))
        .status,
    ).toBe(200);
  });

  it("requests without a usable key are not counted against anybody", async () => {
    for (let i = 0; i < 8; i += 1) expect((await h.request("GET", "/v1/shares")).status).toBe(401);
    expect(
      (await h.request("GET", "/v1/shares", { key: (t.members[1] as Member).key })).headers.get(
        "ratelimit-remaining",
      ),
    ).toBe("3");
  });

  it("per client IP on the public route, 404s included; 429 keeps the public headers", async () => {
    const ip = { "x-forwarded-for": "198.51.100.7" };
    expect((await h.request("GET", `/v1/shared/${token}`, { headers: ip })).status).toBe(200);
    expect((await h.request("GET", `/v1/shared/${"x".repeat(43)}`, { headers: ip })).status).toBe(404);
    const third = await h.request("GET", `/v1/shared/${token}`, { headers: ip });
    expect(third.status).toBe(200);
    expect(third.headers.get("ratelimit-remaining")).toBe("0");
    const limited = await h.request("GET", `/v1/shared/${token}`, { headers: ip });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limit_exceeded");
    expect(Number(limited.headers.get("retry-after"))).toBe(limited.json.error.details.retry_after);
    expect(limited.headers.get("cache-control")).toBe("no-store");
    expect(limited.headers.get("referrer-policy")).toBe("no-referrer");
    expect(limited.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    // A different client address has its own budget; a spoofed left-most X-Forwarded-For entry does not help.
    expect(
      (await h.request("GET", `/v1/shared/${token}`, { headers: { "x-forwarded-for": "198.51.100.8" } }))
        .status,
    ).toBe(200);
    const spoofed = await h.request("GET", `/v1/shared/${token}`, {
      headers: { "x-forwarded-for": "1.2.3.4, 198.51.100.7" },
    });
    expect(spoofed.status).toBe(429);
  });

  // Only the Redis store has keys to inspect.
  if (store === "redis") {
    it("counters live in Redis under the prefix, keyed by hash, never by the key", async () => {
      const redis = new Redis(process.env.REDIS_URL as string);
      try {
        const keys = await redis.keys(`${prefix}*`);
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) {
          expect(key).not.toContain("slk_");
          for (const m of [...t.members, t.manager]) expect(key).not.toContain(m.key);
        }
      } finally {
        redis.disconnect();
      }
    });
  }
});

describe("a Redis outage", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness("pglite", {
      rateLimits: { perKeyPerMinute: 3, publicPerIpPerMinute: 3 },
      redisUrl: `redis://127.0.0.1:${await closedPort()}`,
    });
  });
  afterAll(() => h.close());

  it("falls back to in-memory counters: no 500, limits still enforced", async () => {
    expect(h.ctx.limits.store).toBe("redis");
    const t = await provisionTenant(h, 1);
    const key = (t.members[0] as Member).key;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await h.request("GET", "/v1/shares", { key })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
