import { describe, expect, it } from "vitest";
import { sampleReportShare } from "../public-page/fixtures";
import { pageVersion, RenderedPageCache } from "./page-cache";

const page = (body: string, colour = "#0E7490") =>
  `<!DOCTYPE html><html><head><title>t</title><style>:root{--brand:${colour}}\nbody{margin:0}</style></head><body>${body}</body></html>`;

const cacheOf = (maxBytes: number, clock = { now: 0 }) => ({
  clock,
  cache: new RenderedPageCache({ maxBytes, minIdleMs: 60_000, nowMs: () => clock.now }),
});

describe("RenderedPageCache", () => {
  it("gives back the exact page of the version asked for, and nothing for another version", () => {
    const { cache } = cacheOf(1_000_000);
    cache.set("a", "v1", page("one"));
    expect(cache.get("a", "v1")?.toString()).toBe(page("one"));
    expect(cache.get("a", "v2")).toBeUndefined();
    expect(cache.get("b", "v1")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ pages: 1, hits: 1, misses: 2 });
  });

  it("keeps one version per share: a new version replaces the old one", () => {
    const { cache } = cacheOf(1_000_000);
    cache.set("a", "v1", page("one"));
    cache.set("a", "v2", page("two"));
    expect(cache.get("a", "v1")).toBeUndefined();
    expect(cache.get("a", "v2")?.toString()).toBe(page("two"));
    expect(cache.stats().pages).toBe(1);
  });

  it("keeps a page without a stylesheet whole, and non-ASCII text intact", () => {
    const { cache } = cacheOf(1_000_000);
    cache.set("a", "v", "<p>Zürich · 東京</p>");
    expect(cache.get("a", "v")?.toString("utf8")).toBe("<p>Zürich · 東京</p>");
  });

  it("stays within its byte bound, evicting the least recently used page idle for a minute", () => {
    const { cache, clock } = cacheOf(1_600);
    cache.set("a", "v", page("a".repeat(300)));
    cache.set("b", "v", page("b".repeat(300)));
    expect(cache.stats().pages).toBe(2);
    // Both were used just now: the newcomer is not admitted rather than evicting a live page.
    cache.set("c", "v", page("c".repeat(300)));
    expect(cache.get("c", "v")).toBeUndefined();
    expect(cache.stats().pages).toBe(2);

    clock.now = 61_000;
    expect(cache.get("a", "v")).toBeDefined(); // a is now the most recently used
    cache.set("c", "v", page("c".repeat(300)));
    expect(cache.get("b", "v")).toBeUndefined();
    expect(cache.get("a", "v")).toBeDefined();
    expect(cache.get("c", "v")).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_600);
  });

  it("never admits a page larger than the whole bound", () => {
    const { cache } = cacheOf(500);
    cache.set("a", "v", page("x".repeat(1_000)));
    expect(cache.get("a", "v")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ pages: 0, bytes: 0 });
  });
});

describe("pageVersion", () => {
  const now = new Date("2026-03-11T10:00:00.000Z");
  const share = sampleReportShare({ expires_at: "2026-04-10T09:00:00.000Z" });

  it("changes with the snapshot, the expiry and the effective white label", () => {
    const base = pageVersion(share, now);
    expect(
      pageVersion(
        { ...share, snapshot: { ...share.snapshot, snapshot_at: "2026-03-11T09:30:00.000Z" } },
        now,
      ),
    ).not.toBe(base);
    expect(pageVersion({ ...share, expires_at: "2026-05-10T09:00:00.000Z" }, now)).not.toBe(base);
    expect(
      pageVersion({ ...share, white_label: { ...share.white_label, company_name: "Other" } }, now),
    ).not.toBe(base);
  });

  it("is the same day after day until the last week, then changes with each day left", () => {
    const at = (iso: string) => pageVersion(share, new Date(iso));
    expect(at("2026-03-12T10:00:00.000Z")).toBe(at("2026-03-20T10:00:00.000Z"));
    expect(at("2026-04-04T10:00:00.000Z")).not.toBe(at("2026-04-05T10:00:00.000Z"));
    expect(at("2026-04-09T10:00:00.000Z")).not.toBe(at("2026-03-12T10:00:00.000Z"));
  });
});
