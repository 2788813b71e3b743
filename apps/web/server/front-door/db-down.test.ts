import { createUser } from "@sharelinks/core";
import { createTenant } from "@sharelinks/db/testing";
import { scanText } from "@sharelinks/edge/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontDoorHarness, SAME_ORIGIN, startFrontDoor } from "../test-support/front-door-harness";

const PASSWORD = "correct horse battery staple";

/**
 * Issue 8's log rule on the 5xx path of every surface: with the database gone
 * (the embedded one closed under the running server), the dashboard API, the
 * public page and REST answer 503 with Retry-After, never 500, and nothing
 * they log holds a secret (the session cookie, the email, a token). The
 * partition that hangs instead of failing (finding 6) is the scale stream's.
 */
describe("database down, through the front door", () => {
  let h: FrontDoorHarness;
  let cookie: string;
  let email: string;
  let token: string;

  beforeAll(async () => {
    h = await startFrontDoor("pglite");
    const tenant = await createTenant(h.database.services);
    email = `down-${tenant.brand.id.slice(0, 8)}@example.test`;
    await createUser(h.database.services.provisioning, tenant.brand.id, {
      email,
      role: "member",
      password: PASSWORD,
    });
    const signIn = await fetch(`${h.base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: SAME_ORIGIN,
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const list = await fetch(`${h.base}/api/trpc/reports.listReports`, { headers: { cookie } });
    const report = ((await list.json()) as { result: { data: Array<{ id: string }> } }).result.data[0]?.id;
    const created = await fetch(`${h.base}/api/trpc/shares.createShare`, {
      method: "POST",
      headers: { ...SAME_ORIGIN, cookie },
      body: JSON.stringify({ resource: { type: "report", id: report } }),
    });
    token = ((await created.json()) as { result: { data: { access_token: string } } }).result.data
      .access_token;
    await h.database.db.close();
  });
  afterAll(() => h.close());

  it("503 with Retry-After on tRPC, the public page and REST; no 500; no secret in any log line", async () => {
    const calls: Array<[string, Promise<Response>]> = [
      ["tRPC query", fetch(`${h.base}/api/trpc/reports.listReports`, { headers: { cookie } })],
      [
        "tRPC sign-in",
        fetch(`${h.base}/api/trpc/auth.signIn`, {
          method: "POST",
          headers: SAME_ORIGIN,
          body: JSON.stringify({ email, password: PASSWORD }),
        }),
      ],
      ["public page", fetch(`${h.base}/shared/${token}`)],
      ["REST public read", fetch(`${h.base}/v1/shared/${token}`)],
      ["readyz", fetch(`${h.base}/readyz`)],
    ];
    for (const [what, pending] of calls) {
      const res = await pending;
      expect(res.status, what).toBe(503);
      expect(Number(res.headers.get("retry-after")), what).toBeGreaterThan(0);
    }
    const text = h.logs.lines.join("\n");
    expect(h.logs.records().filter((record) => (record.level as number) >= 50)).toEqual([]);
    for (const secret of [cookie.split("=")[1] as string, email, token]) expect(text).not.toContain(secret);
    expect(scanText(text).findings).toEqual([]);
  });
});
