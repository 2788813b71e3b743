import {
  createShare,
  createVisitorKeyer,
  listShareEvents,
  readShareAnalytics,
  removeShare,
  ViewRecorder,
} from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, executeRows } from "../client";
import { createTenant, eventsOf, reusedTestDatabase, type TestDatabase, testDatabaseKinds } from "../testing";
import { DrizzleViewSink } from "./view-sink";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";
const key = createVisitorKeyer("view-sink-test-secret-0123456789abcdef");

describe.each(testDatabaseKinds())("view rollups on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await reusedTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const newShare = async () => {
    const tenant = await createTenant(t.services);
    const owner = tenant.actor(tenant.members[0] as never);
    const view = await createShare(t.services.shares, owner, { type: "report", id: tenant.report.id }, {});
    return { tenant, owner, shareId: view.share.id };
  };
  const recorderOn = (sink = t.services.viewSink, nowMs?: () => number) =>
    new ViewRecorder({
      sink,
      visitorKey: key,
      isBot: (ua) => ua.startsWith("Twitterbot"),
      ...(nowMs && { nowMs }),
    });

  it("adds every flush to what is stored, and counts a visitor once per day", async () => {
    const { owner, shareId } = await newShare();
    const recorder = recorderOn();
    for (let round = 0; round < 3; round++) {
      recorder.record(shareId, "198.51.100.1", CHROME, "https://news.example.com/item?id=1");
      recorder.record(shareId, `198.51.100.${10 + round}`, CHROME, undefined);
      recorder.record(shareId, "198.51.100.50", "Twitterbot/1.0", undefined);
      await recorder.flush();
    }
    const analytics = await readShareAnalytics(t.services.analytics, owner, shareId, {});
    expect(analytics).toMatchObject({
      views: 6,
      unique_visitors: 4,
      bot_views: 3,
      referrers: [{ host: "news.example.com", views: 3 }],
    });
    expect(analytics.daily.at(-1)).toMatchObject({ views: 6, unique_visitors: 4, bot_views: 3 });
    expect(analytics.first_viewed_at).not.toBeNull();
  });

  it("records the first views of many shares in one flush: each once, with its event and webhook", async () => {
    const made = await Promise.all(Array.from({ length: 20 }, () => newShare()));
    // Half the brands have an endpoint for first views; the other half none, and get no outbox rows.
    const listening = made.slice(0, 10).map(({ tenant }) => tenant.brand.id);
    for (const brandId of listening) {
      await executeRows(
        t.db,
        sql`insert into webhook_endpoints (brand_id, url, events, secret_ciphertext, created_by)
            values (${brandId}, 'https://hooks.example.com/in', '["share.first_viewed"]'::jsonb, 'x', gen_random_uuid())`,
      );
    }
    const recorder = recorderOn();
    for (const { shareId } of made) {
      recorder.record(shareId, "198.51.100.7", CHROME, undefined);
      recorder.record(shareId, "198.51.100.8", CHROME, undefined);
    }
    await recorder.flush();
    for (const { owner, shareId } of made) {
      const analytics = await readShareAnalytics(t.services.analytics, owner, shareId, {});
      expect(analytics).toMatchObject({ views: 2, unique_visitors: 2 });
      expect(analytics.first_viewed_at).not.toBeNull();
      const firsts = (await eventsOf(t.db, shareId)).filter((e) => e.type === "first_viewed");
      expect(firsts).toHaveLength(1);
    }
    const outbox = await executeRows<{ brand_id: string }>(
      t.db,
      sql`select brand_id from webhook_outbox where type = 'share.first_viewed'`,
    );
    const brands = new Set(made.map(({ tenant }) => tenant.brand.id));
    expect(outbox.filter((row) => brands.has(row.brand_id))).toHaveLength(10);
    expect(new Set(outbox.map((row) => row.brand_id).filter((id) => brands.has(id)))).toEqual(
      new Set(listening),
    );
  });

  it("stays exact with two instances flushing the same shares at once, and records first_viewed once", async () => {
    const { owner, shareId } = await newShare();
    // On PostgreSQL a second connection pool on the same database stands for
    // another instance; PGlite has one connection, so both flush through it.
    const other = t.url !== null ? await createDb(t.url) : null;
    const sinks = [t.services.viewSink, other ? new DrizzleViewSink(other) : t.services.viewSink];
    const recorders = sinks.map((sink) => recorderOn(sink));
    try {
      for (let round = 0; round < 10; round++) {
        recorders.forEach((recorder, i) => {
          for (let v = 0; v < 20; v++)
            recorder.record(shareId, `203.0.113.${v}`, `${CHROME} i${i}`, undefined);
          recorder.record(shareId, "203.0.113.200", "Twitterbot/1.0", undefined);
        });
        await Promise.all(recorders.map((r) => r.flush()));
      }
    } finally {
      await other?.close();
    }
    const analytics = await readShareAnalytics(t.services.analytics, owner, shareId, {});
    expect(analytics).toMatchObject({ views: 400, unique_visitors: 40, bot_views: 20 });
    const firsts = (await eventsOf(t.db, shareId)).filter((e) => e.type === "first_viewed");
    expect(firsts).toHaveLength(1);
    expect(firsts[0]).toMatchObject({ actorId: null, requestId: null });
    const timeline = await listShareEvents(t.services.analytics, owner, shareId, { limit: 10 });
    expect(timeline.items.map((e) => e.type)).toEqual(["first_viewed", "created"]);
    expect(timeline.items[1]?.actor).toMatchObject({ id: owner.userId, name: "member1" });
  });

  it("drops the views of a share removed before the flush, and keeps the rest of the batch", async () => {
    const a = await newShare();
    const b = await newShare();
    const recorder = recorderOn();
    recorder.record(a.shareId, "198.51.100.1", CHROME, undefined);
    recorder.record(b.shareId, "198.51.100.1", CHROME, undefined);
    await removeShare(t.services.shares, a.owner, a.shareId);
    await recorder.flush();
    expect(recorder.pendingViews).toBe(0);
    expect((await readShareAnalytics(t.services.analytics, b.owner, b.shareId, {})).views).toBe(1);
  });
});
