import { createUser } from "@sharelinks/core";
import { createTenant, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./session-cookie";
import { type FrontDoorHarness, SAME_ORIGIN, startFrontDoor } from "./test-support/front-door-harness";

const PASSWORD = "correct horse battery staple";

/**
 * The server entry's wiring, minus Next.js (stood in for by a handler that
 * answers 299): every route family reached on one port through the front door,
 * with the real database, REST adapter, tRPC router and public page.
 */
describe.each(testDatabaseKinds())("one port on %s", (kind) => {
  let h: FrontDoorHarness;
  let base: string;
  let email: string;

  beforeAll(async () => {
    h = await startFrontDoor(kind, { rateLimitPerMinute: 1000, publicRateLimitPerMinute: 1000 });
    base = h.base;
    const tenant = await createTenant(h.database.services);
    email = `owner-${tenant.brand.id.slice(0, 8)}@example.test`;
    await createUser(h.database.services.provisioning, tenant.brand.id, {
      email,
      role: "member",
      password: PASSWORD,
    });
  });

  afterAll(() => h.close());

  const trpc = async (procedure: string, input: unknown, cookie?: string) => {
    const response = await fetch(`${base}/api/trpc/${procedure}`, {
      method: "POST",
      headers: { ...SAME_ORIGIN, ...(cookie && { cookie }) },
      body: JSON.stringify(input),
    });
    return { response, body: (await response.json()) as { result?: { data: unknown }; error?: unknown } };
  };

  it("signs in over tRPC with an httpOnly session cookie, then creates a share the public page and API serve", async () => {
    const signIn = await trpc("auth.signIn", { email, password: PASSWORD });
    expect(signIn.response.status).toBe(200);
    const setCookie = signIn.response.headers.get("set-cookie") ?? "";
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Secure"); // the public URL is https
    expect(JSON.stringify(signIn.body)).not.toContain(setCookie.split(";")[0]?.split("=")[1] ?? "-");
    const cookie = setCookie.split(";")[0] as string;

    const me = await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain(email);

    const list = await fetch(`${base}/api/trpc/reports.listReports`, { headers: { cookie } });
    const reports = ((await list.json()) as { result: { data: Array<{ id: string }> } }).result.data;
    const created = await trpc(
      "shares.createShare",
      { resource: { type: "report", id: reports[0]?.id } },
      cookie,
    );
    const share = created.body.result?.data as { access_token: string; share_url: string; id: string };
    expect(share.share_url).toBe(`https://links.example.test/shared/${share.access_token}`);

    const page = await fetch(`${base}/shared/${share.access_token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(page.headers.get("ratelimit-limit")).toBe("1000");
    const html = await page.text();
    expect(html).toContain('name="robots" content="noindex');
    expect(html).not.toContain("<script");

    const api = await fetch(`${base}/v1/shared/${share.access_token}`);
    expect(api.status).toBe(200);
    expect(((await api.json()) as { share_type: string }).share_type).toBe("report");

    // Past expiry: both public routes answer 410 at once.
    h.clock.advance(31 * 24 * 60 * 60 * 1000);
    expect((await fetch(`${base}/shared/${share.access_token}`)).status).toBe(410);
    expect((await fetch(`${base}/v1/shared/${share.access_token}`)).status).toBe(410);
  });

  it("answers 404 on the public page for unknown and malformed tokens, with the public headers", async () => {
    for (const token of ["A".repeat(43), "short", "%3Cscript%3E"]) {
      const page = await fetch(`${base}/shared/${token}`);
      expect(page.status).toBe(404);
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
      expect(await page.text()).not.toContain("<script");
    }
    // POST is the password form's: an unknown link is still 404; other methods are 405.
    expect((await fetch(`${base}/shared/x`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${base}/shared/x`, { method: "PUT" })).status).toBe(405);
  });

  it("refuses tRPC procedures without a session and sends the rest to Next.js", async () => {
    expect((await fetch(`${base}/api/trpc/auth.me`)).status).toBe(401);
    const wrong = await trpc("auth.signIn", { email, password: "wrong password" });
    expect(wrong.response.status).toBe(401);
    expect(wrong.response.headers.get("set-cookie")).toBeNull();
    expect((await fetch(`${base}/reports`)).status).toBe(299);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  // Last in the file: it spends this client's sign-in budget.
  it("throttles password guessing per client IP with TOO_MANY_REQUESTS", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push((await trpc("auth.signIn", { email, password: `guess ${attempt}` })).response.status);
    }
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
    const right = await trpc("auth.signIn", { email, password: PASSWORD });
    expect(right.response.status).toBe(429);
    expect(JSON.stringify(right.body)).toContain("TOO_MANY_REQUESTS");
  });
});
