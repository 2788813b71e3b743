import { describe, expect, it } from "vitest";
import { createFakeClock } from "../testing/fake-clock";
import { DAY_MS } from "./day";
import type { ViewRollup } from "./ports";
import { mergeRollups, ViewRecorder } from "./view-recorder";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";
const SLACK = "Slackbot-LinkExpanding 1.0";
const SHARE = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

const setup = (start = "2026-03-01T10:00:00.000Z") => {
  const clock = createFakeClock(start);
  const written: ViewRollup[][] = [];
  let failNext = 0;
  const recorder = new ViewRecorder({
    sink: {
      async recordViews(rollups) {
        if (failNext > 0) {
          failNext -= 1;
          throw new Error("database down");
        }
        written.push(structuredClone([...rollups]));
      },
    },
    visitorKey: (ip, ua, day) => `${ip}|${ua}|${day}`,
    isBot: (ua) => ua.includes("bot"),
    nowMs: () => clock.now().getTime(),
  });
  const failNextFlushes = (n: number) => {
    failNext = n;
  };
  return { clock, written, recorder, failNextFlushes };
};

describe("ViewRecorder", () => {
  it("counts browser views, visitors and referrer hosts, and bots apart", async () => {
    const { recorder, written } = setup();
    recorder.record(SHARE, "198.51.100.1", CHROME, "https://app.slack.com/client/T1?x=1");
    recorder.record(SHARE, "198.51.100.1", CHROME, undefined);
    recorder.record(SHARE, "198.51.100.2", CHROME, "https://app.slack.com/other");
    recorder.record(SHARE, "198.51.100.3", SLACK, "https://app.slack.com/");
    recorder.record(OTHER, "198.51.100.3", SLACK, undefined);
    expect(recorder.pendingViews).toBe(5);
    await recorder.flush();

    expect(recorder.pendingViews).toBe(0);
    const [batch] = written;
    const mine = batch?.find((r) => r.shareId === SHARE);
    expect(mine).toMatchObject({ day: "2026-03-01", views: 3, botViews: 1 });
    expect(mine?.visitorKeys.sort()).toEqual([
      `198.51.100.1|${CHROME}|2026-03-01`,
      `198.51.100.2|${CHROME}|2026-03-01`,
    ]);
    expect(mine?.referrers).toEqual([{ host: "app.slack.com", views: 2 }]);
    expect(mine?.firstViewAt?.toISOString()).toBe("2026-03-01T10:00:00.000Z");
    // A share only bots read has no first or last view.
    expect(batch?.find((r) => r.shareId === OTHER)).toMatchObject({
      views: 0,
      botViews: 1,
      visitorKeys: [],
      firstViewAt: null,
      lastViewAt: null,
    });
  });

  it("splits views at UTC midnight into two days", async () => {
    const { recorder, written, clock } = setup("2026-03-01T23:59:59.500Z");
    recorder.record(SHARE, "198.51.100.1", CHROME, undefined);
    clock.advance(1_000);
    recorder.record(SHARE, "198.51.100.1", CHROME, undefined);
    await recorder.flush();
    expect(written[0]?.map((r) => [r.day, r.views, r.visitorKeys.length]).sort()).toEqual([
      ["2026-03-01", 1, 1],
      ["2026-03-02", 1, 1],
    ]);
  });

  it("keeps a failed batch and sends it with the next one, merged", async () => {
    const { recorder, written, failNextFlushes, clock } = setup();
    recorder.record(SHARE, "198.51.100.1", CHROME, undefined);
    failNextFlushes(1);
    await expect(recorder.flush()).rejects.toThrow("database down");
    expect(recorder.pendingViews).toBe(1);
    clock.advance(1_000);
    recorder.record(SHARE, "198.51.100.2", CHROME, undefined);
    await recorder.flush();
    expect(written).toHaveLength(1);
    expect(written[0]).toHaveLength(1);
    expect(written[0]?.[0]).toMatchObject({ views: 2 });
    expect(written[0]?.[0]?.visitorKeys).toHaveLength(2);
    expect(written[0]?.[0]?.lastViewAt?.toISOString()).toBe("2026-03-01T10:00:01.000Z");
  });

  it("writes nothing when nothing was recorded, and lets concurrent flushes share the work", async () => {
    const { recorder, written } = setup();
    await recorder.flush();
    expect(written).toHaveLength(0);
    recorder.record(SHARE, "198.51.100.1", CHROME, undefined);
    await Promise.all([recorder.flush(), recorder.flush(), recorder.flush()]);
    expect(written.flat().reduce((n, r) => n + r.views, 0)).toBe(1);
  });
});

describe("mergeRollups", () => {
  it("leaves one rollup per share and day with everything added up", () => {
    const base: ViewRollup = {
      shareId: SHARE,
      day: "2026-03-01",
      views: 1,
      botViews: 0,
      visitorKeys: ["a"],
      referrers: [{ host: "x.test", views: 1 }],
      firstViewAt: new Date(Date.parse("2026-03-01T10:00:00Z")),
      lastViewAt: new Date(Date.parse("2026-03-01T10:00:00Z")),
    };
    const later = {
      ...base,
      views: 2,
      botViews: 3,
      visitorKeys: ["a", "b"],
      referrers: [{ host: "x.test", views: 2 }],
      firstViewAt: new Date(Date.parse("2026-03-01T11:00:00Z")),
      lastViewAt: new Date(Date.parse("2026-03-01T11:00:00Z")),
    };
    const nextDay = {
      ...base,
      day: "2026-03-02",
      firstViewAt: new Date(DAY_MS),
      lastViewAt: new Date(DAY_MS),
    };
    const merged = mergeRollups([base, later, nextDay]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ views: 3, botViews: 3, referrers: [{ host: "x.test", views: 3 }] });
    expect(merged[0]?.visitorKeys.sort()).toEqual(["a", "b"]);
    expect(merged[0]?.firstViewAt).toEqual(base.firstViewAt);
    expect(merged[0]?.lastViewAt).toEqual(later.lastViewAt);
  });
});
