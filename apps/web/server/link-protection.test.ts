import { createShare, updateShare } from "@sharelinks/core";
import { createTenant, type Tenant, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontDoorHarness, startFrontDoor } from "./test-support/front-door-harness";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

/**
 * Link protection through the real front door (docs/protection.md): the view
 * limit exact across two instances (each with its own pool on PostgreSQL),
 * the page's password form and cookie, previews for bots.
 */
describe.each(testDatabaseKinds())("link protection on %s", (kind) => {
  let a: FrontDoorHarness;
  let b: FrontDoorHarness;
  let tenant: Tenant;

  beforeAll(async () => {
    a = await startFrontDoor(kind);
    b = await startFrontDoor(kind, {}, { sharedWith: a });
    tenant = await createTenant(a.database.services);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const newLink = async (input: Parameters<typeof createShare>[3]) => {
    const owner = tenant.actor(tenant.members[0] as never);
    const view = await createShare(
      a.database.services.shares,
      owner,
      { type: "report", id: tenant.report.id },
      { rotate: true, ...input },
    );
    return { owner, shareId: view.share.id, token: view.accessToken as string };
  };

  it("max_views 10: 100 parallel reads over two instances give exactly 10 successes; bots use none", async () => {
    const link = await newLink({ max_views: 10 });
    const bots = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).base}/shared/${link.token}`, { headers: { "user-agent": SLACK } }),
      ),
    );
    for (const bot of bots) {
      expect(bot.status).toBe(200);
      const html = await bot.text();
      expect(html).toContain('property="og:title"');
      expect(html).not.toContain("Visibility by engine");
    }
    const hit = async (i: number) => {
      const base = i % 2 === 0 ? a.base : b.base;
      const path = i % 4 < 2 ? `/v1/shared/${link.token}` : `/shared/${link.token}`;
      const response = await fetch(`${base}${path}`, { headers: { "user-agent": CHROME } });
      const body = await response.text();
      return { status: response.status, api: path.startsWith("/v1"), body };
    };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => hit(i)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.status === 410)).toHaveLength(90);
    for (const refused of results.filter((r) => r.status === 410 && r.api)) {
      expect(JSON.parse(refused.body).error).toMatchObject({
        code: "gone",
        details: { reason: "view_limit_reached" },
      });
    }
    expect(results.find((r) => r.status === 410 && !r.api)?.body).toContain("View limit reached");
  });

  it("the page: a branded form without report data, a wrong password refused, the right one unlocks with a link-scoped cookie", async () => {
    const link = await newLink({ password: "correct horse battery" });
    const page = `${a.base}/shared/${link.token}`;
    const locked = await fetch(page, { headers: { "user-agent": CHROME } });
    expect(locked.status).toBe(401);
    const form = await locked.text();
    expect(form).toContain('name="password"');
    expect(form).not.toContain("Visibility by engine");

    const post = (password: string, base = a.base) =>
      fetch(`${base}/shared/${link.token}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": CHROME },
        body: new URLSearchParams({ password }).toString(),
      });
    const wrong = await post("not the password");
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("not right");

    const right = await post("correct horse battery");
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe(`/shared/${link.token}`);
    const setCookie = right.headers.get("set-cookie") as string;
    expect(setCookie).toContain(`Path=/shared/${link.token}`);
    expect(setCookie).toContain("HttpOnly");
    const cookie = setCookie.split(";")[0] as string;

    // The other instance accepts it too (the MAC key comes from the shared secret).
    const unlocked = await fetch(`${b.base}/shared/${link.token}`, {
      headers: { cookie, "user-agent": CHROME },
    });
    expect(unlocked.status).toBe(200);
    expect(await unlocked.text()).toContain("Visibility by engine");

    // A password change signs every reader out.
    await updateShare(a.database.services.shares, link.owner, link.shareId, { password: "a brand new one" });
    expect((await fetch(page, { headers: { cookie, "user-agent": CHROME } })).status).toBe(401);
  });

  it("the API: X-Share-Password; 401 password_required / password_invalid; bots get the preview", async () => {
    const link = await newLink({ password: "correct horse battery" });
    const read = (headers: Record<string, string>) =>
      fetch(`${a.base}/v1/shared/${link.token}`, { headers: { "user-agent": CHROME, ...headers } });
    const missing = await read({});
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.details.reason).toBe("password_required");
    const wrong = await read({ "x-share-password": "nope nope nope" });
    expect((await wrong.json()).error.details.reason).toBe("password_invalid");
    const right = await read({ "x-share-password": "correct horse battery" });
    expect(right.status).toBe(200);
    expect((await right.json()).snapshot).toBeDefined();
    const bot = await read({ "user-agent": SLACK });
    expect(bot.status).toBe(200);
    const preview = await bot.json();
    expect(preview.title).toBeDefined();
    expect(preview.snapshot).toBeUndefined();
  });
});
