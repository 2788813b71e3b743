import { createVisitorKeyer, ViewRecorder } from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Backend,
  backendKinds,
  domainCodeOf,
  expectTRPCError,
  openBackend,
  seedWorld,
  signedIn,
  type World,
} from "../test-support/harness";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";

describe.each(backendKinds())("analytics router (%s)", (kind) => {
  let backend: Backend;
  let world: World;
  let shareId: string;

  beforeAll(async () => {
    backend = await openBackend(kind);
    world = await seedWorld(backend.services);
    const alice = await signedIn(world.services, world.alice);
    const share = await alice.api.shares.createShare({ resource: { type: "report", id: world.report.id } });
    shareId = share.id;
    world.clock.advance(60_000);
    const recorder = new ViewRecorder({
      sink: world.services.viewSink,
      visitorKey: createVisitorKeyer("trpc-analytics-test-secret-0123456789"),
      isBot: (ua) => ua.startsWith("Twitterbot"),
      nowMs: () => world.clock.now().getTime(),
    });
    recorder.record(shareId, "198.51.100.1", CHROME, "https://t.co/abc");
    recorder.record(shareId, "198.51.100.1", "Twitterbot/1.0", undefined);
    await recorder.flush();
  });
  afterAll(() => backend.cleanup());

  it("serves the same share.analytics object as REST, to every user of the brand", async () => {
    for (const user of [world.alice, world.bob, world.manager]) {
      const browser = await signedIn(world.services, user);
      const analytics = await browser.api.analytics.readShareAnalytics({ share_id: shareId });
      expect(analytics).toMatchObject({
        object: "share.analytics",
        share_id: shareId,
        views: 1,
        unique_visitors: 1,
        bot_views: 1,
        last_viewed_at: "2025-03-10T09:01:00.000Z",
        referrers: [{ host: "t.co", views: 1 }],
      });
      expect(analytics.daily).toHaveLength(30);
    }
  });

  it("lists the timeline with a cursor, and summarizes link lists", async () => {
    const alice = await signedIn(world.services, world.alice);
    const page = await alice.api.analytics.listShareEvents({ share_id: shareId, limit: 1 });
    expect(page.items.map((e) => e.type)).toEqual(["first_viewed"]);
    expect(page.hasMore).toBe(true);
    const next = await alice.api.analytics.listShareEvents({
      share_id: shareId,
      limit: 1,
      cursor: page.nextCursor,
    });
    expect(next.items).toMatchObject([{ type: "created", actor: { id: world.alice.id, name: "Alice" } }]);
    expect(next.nextCursor).toBeNull();

    const { summaries } = await alice.api.analytics.summarizeViews({ share_ids: [shareId] });
    expect(summaries).toEqual([
      {
        share_id: shareId,
        views: 1,
        unique_visitors: 1,
        last_viewed_at: "2025-03-10T09:01:00.000Z",
        sparkline: [...Array(29).fill(0), 1],
      },
    ]);
  });

  it("lists My links by last view: the viewed link before a newer, never-opened one", async () => {
    const alice = await signedIn(world.services, world.alice);
    const newer = await alice.api.shares.createShare({
      resource: { type: "scheduled", id: world.schedule.id },
    });
    const ids = async (sort: "created" | "last_viewed") =>
      (await alice.api.shares.listMyShares({ status: "all", sort })).items.map((s) => s.id);
    expect(await ids("last_viewed")).toEqual([shareId, newer.id]);
    expect(await ids("created")).toEqual([newer.id, shareId]);
  });

  it("answers NOT_FOUND to another brand, and summarizes nothing for it", async () => {
    const olga = await signedIn(world.services, world.other.user);
    const error = await expectTRPCError(
      olga.api.analytics.readShareAnalytics({ share_id: shareId }),
      "NOT_FOUND",
    );
    expect(domainCodeOf(error)).toBe("not_found");
    await expectTRPCError(olga.api.analytics.listShareEvents({ share_id: shareId }), "NOT_FOUND");
    expect((await olga.api.analytics.summarizeViews({ share_ids: [shareId] })).summaries).toEqual([]);
  });
});
