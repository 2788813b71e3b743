import { appRouter } from "@sharelinks/api";
import { createUser } from "@sharelinks/core";
import { createTenant, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FrontDoorHarness,
  PUBLIC_BASE_URL,
  SAME_ORIGIN,
  startFrontDoor,
} from "./test-support/front-door-harness";
import { TRPC_MAX_BATCH_SIZE, TRPC_MAX_BODY_BYTES } from "./trpc";

const PASSWORD = "correct horse battery staple";

/** The headers every dashboard API response carries, whatever its status (findings 5 and 10). */
const expectDashboardApiHeaders = (response: Response, what: string) => {
  expect(response.headers.get("cache-control"), what).toBe("no-store");
  expect(response.headers.get("x-frame-options"), what).toBe("DENY");
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("same-origin");
  expect(response.headers.get("content-security-policy"), what).toContain("frame-ancestors 'none'");
};

/** Issue 8, findings 1, 5, 7, 8 and 10 on the dashboard API, through the real front door. */
describe.each(testDatabaseKinds())("the dashboard API's defences on %s", (kind) => {
  let h: FrontDoorHarness;
  let email: string;
  let cookie: string;
  let reportId: string;

  const post = (procedure: string, body: string, headers: Record<string, string> = SAME_ORIGIN) =>
    fetch(`${h.base}/api/trpc/${procedure}`, { method: "POST", headers, body });

  beforeAll(async () => {
    h = await startFrontDoor(kind);
    const tenant = await createTenant(h.database.services);
    email = `defences-${tenant.brand.id.slice(0, 8)}@example.test`;
    await createUser(h.database.services.provisioning, tenant.brand.id, {
      email,
      role: "member",
      password: PASSWORD,
    });
    const signIn = await post("auth.signIn", JSON.stringify({ email, password: PASSWORD }));
    expect(signIn.status).toBe(200);
    cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const list = await fetch(`${h.base}/api/trpc/reports.listReports`, { headers: { cookie } });
    reportId = ((await list.json()) as { result: { data: Array<{ id: string }> } }).result.data[0]
      ?.id as string;
  });
  afterAll(() => h.close());

  it("finding 1: a body over 1 MiB is PAYLOAD_TOO_LARGE (413) in tRPC's shape, declared or chunked", async () => {
    const big = `{"email":"a@b.test","password":"${"x".repeat(TRPC_MAX_BODY_BYTES)}"}`;
    const declared = await post("auth.signIn", big);
    expect(declared.status).toBe(413);
    expect(JSON.stringify(await declared.json())).toContain("PAYLOAD_TOO_LARGE");
    expectDashboardApiHeaders(declared, "413");

    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
        controller.close();
      },
    });
    const chunked = await fetch(`${h.base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: SAME_ORIGIN,
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it(`finding 1: a batch of more than ${TRPC_MAX_BATCH_SIZE} calls is refused before any procedure runs`, async () => {
    // 500 calls (a 1,000-call URL is past Node's 16 KiB header limit and gets its 431 first).
    const procedures = Array.from({ length: 500 }, () => "reports.listReports").join(",");
    const batch = await fetch(`${h.base}/api/trpc/${procedures}?batch=1`, { headers: { cookie } });
    expect(batch.status).toBe(400);
    expect(JSON.stringify(await batch.json())).toContain("BAD_REQUEST");
    expectDashboardApiHeaders(batch, "batch");
    const allowed = Array.from({ length: TRPC_MAX_BATCH_SIZE }, () => "reports.listReports").join(",");
    expect((await fetch(`${h.base}/api/trpc/${allowed}?batch=1`, { headers: { cookie } })).status).toBe(200);
  });

  it("finding 8: mutations need JSON and this site's Origin (or Sec-Fetch-Site: same-origin)", async () => {
    const signOut = "auth.signOut";
    const form = new FormData();
    form.set("x", "1");
    const multipart = await fetch(`${h.base}/api/trpc/${signOut}`, {
      method: "POST",
      headers: { origin: "https://evil.test", cookie },
      body: form,
    });
    expect(multipart.status).toBe(415);
    expectDashboardApiHeaders(multipart, "415");
    const textPlain = await post(signOut, "{}", {
      origin: PUBLIC_BASE_URL,
      "content-type": "text/plain",
      cookie,
    });
    expect(textPlain.status).toBe(415);
    const crossSite = await post(signOut, "{}", {
      origin: "https://evil.test",
      "content-type": "application/json",
      cookie,
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await post(signOut, "{}", { "content-type": "application/json", cookie });
    expect(noOrigin.status).toBe(403);
    const sameSiteOnly = await post(signOut, "{}", {
      "content-type": "application/json",
      "sec-fetch-site": "same-site",
      cookie,
    });
    expect(sameSiteOnly.status).toBe(403);
    // None of the refusals signed the user out.
    expect((await fetch(`${h.base}/api/trpc/auth.me`, { headers: { cookie } })).status).toBe(200);
    const fetchMetadata = await post("auth.me", "{}", {
      "content-type": "application/json",
      "sec-fetch-site": "same-origin",
      cookie,
    });
    expect(fetchMetadata.status).not.toBe(403); // a query sent as POST: allowed past the origin check
  });

  it("finding 10: every response is no-store with the dashboard headers, the token-bearing ones included", async () => {
    const created = await post(
      "shares.createShare",
      JSON.stringify({ resource: { type: "report", id: reportId } }),
      { ...SAME_ORIGIN, cookie },
    );
    expect(created.status).toBe(200);
    expect(await created.text()).toContain("access_token");
    expectDashboardApiHeaders(created, "createShare");
    const list = await fetch(`${h.base}/api/trpc/shares.listMyShares?input=${encodeURIComponent("{}")}`, {
      headers: { cookie },
    });
    expectDashboardApiHeaders(list, "GET listMyShares");
    for (const [what, response] of [
      ["401", await fetch(`${h.base}/api/trpc/auth.me`)],
      ["404 procedure", await fetch(`${h.base}/api/trpc/nope.nothing`)],
      ["bad input", await post("auth.signIn", "{not json")],
    ] as const) {
      expect(response.status, what).toBeGreaterThanOrEqual(400);
      expect(response.status, what).toBeLessThan(500);
      expectDashboardApiHeaders(response, what);
    }
  });

  it("finding 7: a cookie that does not decode is no session: sign-in still works", async () => {
    const me = await fetch(`${h.base}/api/trpc/auth.me`, { headers: { cookie: "sl_session=%zz" } });
    expect(me.status).toBe(401);
    const signIn = await post(
      "auth.signIn",
      JSON.stringify({ email: "nobody@example.test", password: "x" }),
      {
        ...SAME_ORIGIN,
        cookie: "sl_session=%zz; other=%E0%A4%A",
      },
    );
    expect(signIn.status).toBe(401); // the wrong password's answer, not a 500
  });

  it("finding 7: with a cookie that does not decode, no procedure answers 500 and a right password signs in", async () => {
    const mangled = "sl_session=%zz; other=%E0%A4%A";
    // At run time tRPC keeps every procedure flat under its dotted path ("auth.signIn").
    const flat = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const procedures = Object.entries(flat);
    expect(procedures.length).toBeGreaterThan(20);
    for (const [path, procedure] of procedures) {
      if (path === "auth.signIn") continue; // below, with the right password
      const response =
        procedure._def.type === "query"
          ? await fetch(`${h.base}/api/trpc/${path}?input=${encodeURIComponent("{}")}`, {
              headers: { cookie: mangled },
            })
          : await post(path, "{}", { ...SAME_ORIGIN, cookie: mangled });
      expect(response.status, path).toBeLessThan(500);
      expect(JSON.stringify(await response.json()), path).not.toContain("INTERNAL_SERVER_ERROR");
    }
    const signIn = await post("auth.signIn", JSON.stringify({ email, password: PASSWORD }), {
      ...SAME_ORIGIN,
      cookie: mangled,
    });
    expect(signIn.status).toBe(200);
    const fresh = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect(fresh).toMatch(/^sl_session=.+/);
    // The browser sends the new cookie beside whatever else it still holds.
    const me = await fetch(`${h.base}/api/trpc/auth.me`, { headers: { cookie: `${fresh}; other=%E0%A4%A` } });
    expect(me.status).toBe(200);
  });

  it("finding 2: NUL, lone surrogates and control characters in tRPC input are BAD_REQUEST naming the field", async () => {
    const cases: Array<[string, unknown, string]> = [
      ["apiKeys.createApiKey", { name: "a\u0000b" }, "name"],
      ["apiKeys.createApiKey", { name: "a\ud800b" }, "name"],
      [
        "shares.createShare",
        { resource: { type: "report", id: reportId }, white_label_config: { company_name: "a\u0000b" } },
        "white_label_config.company_name",
      ],
      [
        "shares.createShare",
        {
          resource: { type: "report", id: reportId },
          white_label_config: { logo_url: "https://x.test/\ud800" },
        },
        "white_label_config.logo_url",
      ],
    ];
    for (const [procedure, input, field] of cases) {
      const response = await post(procedure, JSON.stringify(input), { ...SAME_ORIGIN, cookie });
      const body = (await response.json()) as {
        error: { data: { code: string; domainCode?: string; details?: { errors: { path: string }[] } } };
      };
      expect(response.status, procedure).toBe(400);
      expect(body.error.data.domainCode).toBe("body_validation_error");
      expect(body.error.data.details?.errors.map((error) => error.path)).toContain(field);
    }
  });
});

describe.each(testDatabaseKinds())("the dashboard API's budgets on %s", (kind) => {
  let h: FrontDoorHarness;
  let email: string;
  beforeAll(async () => {
    // One proxy in front, so each test speaks from its own client address.
    h = await startFrontDoor(kind, { rateLimitPerMinute: 5, trustProxyHops: 1 });
    const tenant = await createTenant(h.database.services);
    email = `budgets-${tenant.brand.id.slice(0, 8)}@example.test`;
    await createUser(h.database.services.provisioning, tenant.brand.id, {
      email,
      role: "member",
      password: PASSWORD,
    });
  });
  afterAll(() => h.close());

  const expectRefused = async (response: Response) => {
    expect(response.status).toBe(429);
    expect(JSON.stringify(await response.json())).toContain("TOO_MANY_REQUESTS");
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/); // one value (it once came doubled: "59, 59")
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(response.headers.get("ratelimit-limit")).toBe("5");
    expectDashboardApiHeaders(response, "429");
  };

  it("finding 9: per client IP, each batched call counted, then 429 TOO_MANY_REQUESTS with Retry-After", async () => {
    const from = { "x-forwarded-for": "203.0.113.10" };
    const four = Array.from({ length: 4 }, () => "auth.me").join(",");
    expect((await fetch(`${h.base}/api/trpc/${four}?batch=1`, { headers: from })).status).toBe(401);
    expect((await fetch(`${h.base}/api/trpc/auth.me`, { headers: from })).status).toBe(401);
    await expectRefused(await fetch(`${h.base}/api/trpc/auth.me`, { headers: from }));
    // Another address is not affected.
    const other = await fetch(`${h.base}/api/trpc/auth.me`, {
      headers: { "x-forwarded-for": "203.0.113.11" },
    });
    expect(other.status).toBe(401);
  });

  it("finding 9: per session, across client addresses", async () => {
    const signIn = await fetch(`${h.base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { ...SAME_ORIGIN, "x-forwarded-for": "203.0.113.20" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const me = (n: number) =>
      fetch(`${h.base}/api/trpc/auth.me`, { headers: { cookie, "x-forwarded-for": `203.0.113.${30 + n}` } });
    for (let n = 0; n < 5; n++) expect((await me(n)).status).toBe(200);
    await expectRefused(await me(5));
  });
});
