import { createShare, readShareAnalytics } from "@sharelinks/core";
import { createTenant, type Tenant, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontDoorHarness, startFrontDoor } from "./test-support/front-door-harness";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const BOTS = [
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "Twitterbot/1.0",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
  "WhatsApp/2.23.20.0",
];

/**
 * Views through the real front door: two instances (two front doors, each
 * with its own recorder; on PostgreSQL each with its own pool) on one
 * database, under concurrent load. Counts must be exact once both flushed.
 */
describe.each(testDatabaseKinds())("view recording on %s", (kind) => {
  let a: FrontDoorHarness;
  let b: FrontDoorHarness;
  let tenant: Tenant;

  beforeAll(async () => {
    a = await startFrontDoor(kind);
    b = await startFrontDoor(kind, {}, { sharedWith: a });
    // The recorder stamps views with the real time; the analytics window reads the services' clock.
    a.clock.set(new Date());
    tenant = await createTenant(a.database.services);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const newLink = async () => {
    const owner = tenant.actor(tenant.members[0] as never);
    const view = await createShare(
      a.database.services.shares,
      owner,
      { type: "report", id: tenant.report.id },
      {
        rotate: true,
      },
    );
    return { owner, shareId: view.share.id, token: view.accessToken as string };
  };
  const flushBoth = () => Promise.all([a.frontDoor.views.flush(), b.frontDoor.views.flush()]);
  const analyticsOf = (link: Awaited<ReturnType<typeof newLink>>) =>
    readShareAnalytics(a.database.services.analytics, link.owner, link.shareId, {});

  it("counts every 200 GET on the API and the page exactly, across two instances under load", async () => {
    const link = await newLink();
    const perInstance = 120;
    const hit = async (base: string, i: number) => {
      const path = i % 2 === 0 ? `/v1/shared/${link.token}` : `/shared/${link.token}`;
      const response = await fetch(`${base}${path}`, {
        headers: {
          "user-agent": CHROME,
          "x-forwarded-for": "ignored",
          referer: "https://mail.example.org/inbox/1",
        },
      });
      await response.arrayBuffer();
      return response.status;
    };
    const statuses = await Promise.all(
      Array.from({ length: perInstance }, (_, i) => [hit(a.base, i), hit(b.base, i)]).flat(),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    await flushBoth();

    const analytics = await analyticsOf(link);
    expect(analytics.views).toBe(2 * perInstance);
    // One client address and one user agent: one visitor, whichever instance served it.
    expect(analytics.unique_visitors).toBe(1);
    expect(analytics.bot_views).toBe(0);
    expect(analytics.referrers).toEqual([{ host: "mail.example.org", views: 2 * perInstance }]);
    expect(analytics.daily.at(-1)).toMatchObject({ views: 2 * perInstance, unique_visitors: 1 });
  });

  it("counts bots and preview fetchers apart, never as views", async () => {
    const link = await newLink();
    for (const agent of BOTS) {
      const response = await fetch(`${a.base}/shared/${link.token}`, { headers: { "user-agent": agent } });
      expect(response.status).toBe(200);
    }
    await fetch(`${b.base}/v1/shared/${link.token}`, { headers: { "user-agent": CHROME } });
    await flushBoth();
    expect(await analyticsOf(link)).toMatchObject({ views: 1, unique_visitors: 1, bot_views: BOTS.length });
  });

  it("does not count HEAD, 404, 410 or other routes", async () => {
    const link = await newLink();
    const head = await fetch(`${a.base}/v1/shared/${link.token}`, {
      method: "HEAD",
      headers: { "user-agent": CHROME },
    });
    expect(head.status).toBe(200);
    const pageHead = await fetch(`${a.base}/shared/${link.token}`, {
      method: "HEAD",
      headers: { "user-agent": CHROME },
    });
    expect(pageHead.status).toBe(200);
    expect((await fetch(`${a.base}/v1/shared/${"A".repeat(43)}`)).status).toBe(404);
    await flushBoth();
    expect((await analyticsOf(link)).views).toBe(0);

    // Expired: 410 on both routes, no view.
    a.clock.advance(31 * 24 * 60 * 60 * 1000);
    try {
      expect(
        (await fetch(`${a.base}/v1/shared/${link.token}`, { headers: { "user-agent": CHROME } })).status,
      ).toBe(410);
      expect(
        (await fetch(`${a.base}/shared/${link.token}`, { headers: { "user-agent": CHROME } })).status,
      ).toBe(410);
    } finally {
      a.clock.set(new Date());
    }
    await flushBoth();
    expect(await analyticsOf(link)).toMatchObject({ views: 0, bot_views: 0, last_viewed_at: null });
  });

  it("tells visitors apart by user agent from one address (IPv6 /64 grouping: core visitor-key tests)", async () => {
    const link = await newLink();
    // The harness trusts no proxy: every request comes from 127.0.0.1, so vary the agent.
    for (const agent of [CHROME, `${CHROME} Edg/126.0`, CHROME, "curl/8.4.0"]) {
      await fetch(`${a.base}/v1/shared/${link.token}`, { headers: { "user-agent": agent } });
    }
    await flushBoth();
    expect(await analyticsOf(link)).toMatchObject({ views: 4, unique_visitors: 3, bot_views: 0 });
  });
});
