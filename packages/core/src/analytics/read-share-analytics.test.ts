import { describe, expect, it } from "vitest";
import { createShare } from "../shares/create-share";
import { extendShare } from "../shares/extend-share";
import { listMyShares } from "../shares/list-shares";
import { createInMemoryAnalytics } from "../testing/in-memory-analytics";
import { createShareTestKit } from "../testing/share-test-kit";
import { listShareEvents } from "./list-share-events";
import { readShareAnalytics } from "./read-share-analytics";
import { summarizeViews } from "./summarize-views";
import { ViewRecorder } from "./view-recorder";
import { createVisitorKeyer } from "./visitor-key";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";

const setup = async () => {
  const kit = createShareTestKit({ now: "2026-03-10T12:00:00.000Z" });
  const analytics = createInMemoryAnalytics(kit.shares);
  const deps = { shares: kit.shares, analytics, clock: kit.clock };
  const owner = kit.member();
  const { ref } = kit.addReport();
  const view = await createShare(kit.deps, owner, ref, {});
  const recorder = new ViewRecorder({
    sink: analytics,
    visitorKey: createVisitorKeyer("core-test-server-secret-0123456789"),
    isBot: (ua) => ua.startsWith("Slackbot"),
    nowMs: () => kit.clock.now().getTime(),
  });
  return { kit, analytics, deps, owner, shareId: view.share.id, recorder };
};

describe("readShareAnalytics", () => {
  it("totals the share's life and fills every day of the default 30-day window", async () => {
    const { kit, deps, owner, shareId, recorder } = await setup();
    recorder.record(shareId, "198.51.100.1", CHROME, "https://mail.example.org/x");
    recorder.record(shareId, "198.51.100.1", CHROME, undefined);
    recorder.record(shareId, "198.51.100.9", "Slackbot-LinkExpanding 1.0", undefined);
    await recorder.flush();
    kit.clock.advance(24 * 60 * 60 * 1000);
    recorder.record(shareId, "198.51.100.1", CHROME, undefined);
    await recorder.flush();

    const result = await readShareAnalytics(deps, owner, shareId, {});
    expect(result).toMatchObject({
      share_id: shareId,
      views: 3,
      // The same visitor on two days is two visitor-days.
      unique_visitors: 2,
      bot_views: 1,
      first_viewed_at: "2026-03-10T12:00:00.000Z",
      last_viewed_at: "2026-03-11T12:00:00.000Z",
      referrers: [{ host: "mail.example.org", views: 1 }],
    });
    expect(result.daily).toHaveLength(30);
    expect(result.daily[0]?.date).toBe("2026-02-10");
    expect(result.daily.at(-2)).toEqual({ date: "2026-03-10", views: 2, unique_visitors: 1, bot_views: 1 });
    expect(result.daily.at(-1)).toEqual({ date: "2026-03-11", views: 1, unique_visitors: 1, bot_views: 0 });
  });

  it("takes an explicit window, and refuses a reversed or too long one", async () => {
    const { deps, owner, shareId } = await setup();
    const one = await readShareAnalytics(deps, owner, shareId, { from: "2026-03-01", to: "2026-03-03" });
    expect(one.daily.map((d) => d.date)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    await expect(
      readShareAnalytics(deps, owner, shareId, { from: "2026-03-03", to: "2026-03-01" }),
    ).rejects.toMatchObject({
      code: "validation_error",
    });
    await expect(
      readShareAnalytics(deps, owner, shareId, { from: "2024-01-01", to: "2026-03-01" }),
    ).rejects.toMatchObject({
      code: "validation_error",
    });
  });

  it("shows a never-opened link as zeros, to teammates too; another brand gets not_found", async () => {
    const { kit, deps, shareId } = await setup();
    const teammate = kit.member();
    expect(await readShareAnalytics(deps, teammate, shareId, {})).toMatchObject({
      views: 0,
      unique_visitors: 0,
      bot_views: 0,
      first_viewed_at: null,
      last_viewed_at: null,
      referrers: [],
    });
    await expect(readShareAnalytics(deps, kit.manager(kit.otherBrand), shareId, {})).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("listShareEvents", () => {
  it("lists audit events and the first view, newest first, page by page", async () => {
    const { kit, deps, owner, shareId, recorder, analytics } = await setup();
    kit.clock.advance(1_000);
    recorder.record(shareId, "198.51.100.1", CHROME, undefined);
    recorder.record(shareId, "198.51.100.2", CHROME, undefined);
    await recorder.flush();
    kit.clock.advance(1_000);
    recorder.record(shareId, "198.51.100.3", CHROME, undefined);
    await recorder.flush();
    kit.clock.advance(1_000);
    await extendShare(kit.deps, owner, shareId, { expiration_days: 10 });
    expect(analytics.firstViews()).toHaveLength(1);

    const first = await listShareEvents(deps, owner, shareId, { limit: 2 });
    expect(first.items.map((e) => e.type)).toEqual(["extended", "first_viewed"]);
    expect(first.hasMore).toBe(true);
    expect(first.items[1]?.actor).toBeNull();
    const rest = await listShareEvents(deps, owner, shareId, {
      limit: 2,
      starting_after: first.items[1]?.id,
    });
    expect(rest.items.map((e) => e.type)).toEqual(["created"]);
    expect(rest.hasMore).toBe(false);
    await expect(
      listShareEvents(deps, kit.member(kit.otherBrand), shareId, { limit: 2 }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("summarizeViews", () => {
  it("summarizes the caller's brand's shares only, with a 30-day sparkline", async () => {
    const { kit, deps, owner, shareId, recorder } = await setup();
    recorder.record(shareId, "198.51.100.1", CHROME, undefined);
    await recorder.flush();
    const [summary] = await summarizeViews(deps, owner, [shareId]);
    expect(summary).toMatchObject({ share_id: shareId, views: 1, unique_visitors: 1 });
    expect(summary?.sparkline).toHaveLength(30);
    expect(summary?.sparkline.at(-1)).toBe(1);
    expect(await summarizeViews(deps, kit.member(kit.otherBrand), [shareId])).toEqual([]);
  });
});

describe("listMyShares sorted by last view", () => {
  it("puts the most recently viewed link first and never-opened links last, newest first", async () => {
    const { kit, owner, shareId: viewedFirst, recorder } = await setup();
    kit.clock.advance(60_000);
    const viewedLast = (await createShare(kit.deps, owner, kit.addReport().ref, {})).share.id;
    kit.clock.advance(60_000);
    const neverA = (await createShare(kit.deps, owner, kit.addReport().ref, {})).share.id;
    kit.clock.advance(60_000);
    const neverB = (await createShare(kit.deps, owner, kit.addReport().ref, {})).share.id;
    recorder.record(viewedFirst, "198.51.100.1", CHROME, undefined);
    await recorder.flush();
    kit.clock.advance(60_000);
    recorder.record(viewedLast, "198.51.100.1", CHROME, undefined);
    // A bot's read is not a view: it does not move a link up.
    recorder.record(neverA, "198.51.100.9", "Slackbot-LinkExpanding 1.0", undefined);
    await recorder.flush();

    const order = [viewedLast, viewedFirst, neverB, neverA];
    const all = await listMyShares(kit.deps, owner, { status: "all", sort: "last_viewed", limit: 10 });
    expect(all.items.map((v) => v.share.id)).toEqual(order);
    const first = await listMyShares(kit.deps, owner, { status: "all", sort: "last_viewed", limit: 2 });
    const rest = await listMyShares(kit.deps, owner, {
      status: "all",
      sort: "last_viewed",
      limit: 2,
      starting_after: first.items.at(-1)?.share.id,
    });
    expect([...first.items, ...rest.items].map((v) => v.share.id)).toEqual(order);
    expect([first.hasMore, rest.hasMore]).toEqual([true, false]);
    const created = await listMyShares(kit.deps, owner, { status: "all", sort: "created", limit: 10 });
    expect(created.items.map((v) => v.share.id)).toEqual([neverB, neverA, viewedLast, viewedFirst]);
  });
});
