import { createVisitorKeyer, ViewRecorder } from "@sharelinks/core";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
} from "../test-support/harness";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";

describe.each(testDatabaseKinds())("share analytics and timeline on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let owner: Member;
  let teammate: Member;
  let stranger: Tenant;
  let shareId: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    h.clock.set(new Date("2026-03-10T12:00:00.000Z"));
    t = await provisionTenant(h, 2);
    stranger = await provisionTenant(h, 1);
    owner = t.members[0] as Member;
    teammate = t.members[1] as Member;
    const created = await h.request("POST", `/v1/reports/${t.reportId}/shares`, {
      key: owner.key,
      headers: { "x-request-id": "0b6e4f7e-57a1-4c39-9a2d-3f1a4c1f0e11" },
    });
    shareId = created.json.id;
    h.clock.advance(60_000);
    await h.request("PATCH", `/v1/reports/${t.reportId}/shares/${shareId}`, {
      key: owner.key,
      body: { expiration_days: 7 },
    });
    // Views as the front door's recorder writes them (the REST harness has no front door).
    const recorder = new ViewRecorder({
      sink: h.services.viewSink,
      visitorKey: createVisitorKeyer("rest-analytics-test-secret-0123456789"),
      isBot: (ua) => ua.startsWith("Slackbot"),
      nowMs: () => h.clock.now().getTime(),
    });
    h.clock.advance(60_000);
    recorder.record(shareId, "198.51.100.1", CHROME, "https://app.slack.com/client");
    recorder.record(shareId, "198.51.100.2", CHROME, undefined);
    recorder.record(shareId, "198.51.100.3", "Slackbot-LinkExpanding 1.0", undefined);
    await recorder.flush();
  });
  afterAll(() => h.close());

  const analytics = (member: Member, query = "") =>
    h.request("GET", `/v1/shares/${shareId}/analytics${query}`, { key: member.key });
  const events = (member: Member, query = "") =>
    h.request("GET", `/v1/shares/${shareId}/events${query}`, { key: member.key });

  it("answers exactly the share.analytics object", async () => {
    const res = await analytics(owner);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(
      [
        "object",
        "share_id",
        "views",
        "unique_visitors",
        "bot_views",
        "first_viewed_at",
        "last_viewed_at",
        "daily",
        "referrers",
      ].sort(),
    );
    expect(res.json).toMatchObject({
      object: "share.analytics",
      share_id: shareId,
      views: 2,
      unique_visitors: 2,
      bot_views: 1,
      first_viewed_at: "2026-03-10T12:02:00.000Z",
      last_viewed_at: "2026-03-10T12:02:00.000Z",
      referrers: [{ host: "app.slack.com", views: 1 }],
    });
    expect(res.json.daily).toHaveLength(30);
    expect(res.json.daily.at(-1)).toEqual({ date: "2026-03-10", views: 2, unique_visitors: 2, bot_views: 1 });
  });

  it("takes a window, and answers 400 for a bad one", async () => {
    const res = await analytics(owner, "?from=2026-03-09&to=2026-03-10");
    expect(res.json.daily.map((d: { date: string }) => d.date)).toEqual(["2026-03-09", "2026-03-10"]);
    expect(res.json.views).toBe(2);
    for (const query of [
      "?from=2026-03-11&to=2026-03-10",
      "?from=2026-02-30",
      "?to=yesterday",
      "?from=2024-01-01&to=2026-01-01",
      "?days=3",
    ]) {
      const bad = await analytics(owner, query);
      expect(bad.status, query).toBe(400);
      expect(bad.json.error.code).toBe("validation_error");
    }
  });

  it("lists the timeline newest first, with actors and the first view", async () => {
    const res = await events(owner);
    expect(res.status).toBe(200);
    expect(res.json.object).toBe("list");
    expect(res.json.has_more).toBe(false);
    expect(res.json.data.map((e: { type: string }) => e.type)).toEqual([
      "first_viewed",
      "extended",
      "created",
    ]);
    const [first, extended, created] = res.json.data;
    expect(first).toMatchObject({
      actor: null,
      request_id: null,
      old_expires_at: null,
      new_expires_at: null,
    });
    expect(extended.actor).toEqual({ id: owner.id, name: owner.email });
    expect(extended.old_expires_at).not.toBeNull();
    expect(extended.new_expires_at).toBe("2026-03-17T12:01:00.000Z");
    expect(created.request_id).toBe("0b6e4f7e-57a1-4c39-9a2d-3f1a4c1f0e11");
    expect(Object.keys(created).sort()).toEqual(
      ["id", "type", "at", "actor", "request_id", "old_expires_at", "new_expires_at"].sort(),
    );

    const page1 = await events(owner, "?limit=2");
    expect(page1.json.has_more).toBe(true);
    const page2 = await events(owner, `?limit=2&starting_after=${page1.json.data[1].id}`);
    expect(page2.json.data.map((e: { type: string }) => e.type)).toEqual(["created"]);
    expect(page2.json.has_more).toBe(false);
    expect((await events(owner, `?starting_after=${crypto.randomUUID()}`)).status).toBe(400);
  });

  it("sorts My links by last view (GET /v1/shares?sort=last_viewed)", async () => {
    const other = await h.request("POST", `/v1/scheduled-reports/${t.scheduleId}/shares`, { key: owner.key });
    expect(other.status).toBe(201);
    const list = async (sort: string) =>
      (await h.request("GET", `/v1/shares?status=all&sort=${sort}`, { key: owner.key })).json.data.map(
        (s: { id: string }) => s.id,
      );
    // The schedule's link is newer but was never opened.
    expect(await list("last_viewed")).toEqual([shareId, other.json.id]);
    expect(await list("created")).toEqual([other.json.id, shareId]);
    expect((await h.request("GET", "/v1/shares?sort=views", { key: owner.key })).status).toBe(400);
  });

  it("is visible to the owner, a teammate and a manager; another brand gets 404", async () => {
    for (const member of [owner, teammate, t.manager]) {
      expect((await analytics(member)).status).toBe(200);
      expect((await events(member)).status).toBe(200);
    }
    for (const member of [stranger.manager, stranger.members[0] as Member]) {
      expect((await analytics(member)).status).toBe(404);
      expect((await events(member)).status).toBe(404);
    }
    const unknown = crypto.randomUUID();
    expect((await h.request("GET", `/v1/shares/${unknown}/analytics`, { key: owner.key })).status).toBe(404);
    expect((await h.request("GET", "/v1/shares/not-a-uuid/events", { key: owner.key })).status).toBe(400);
    expect((await h.request("GET", `/v1/shares/${shareId}/analytics`)).status).toBe(401);
  });
});
