import { DAY_MS, utcDay } from "./day";
import type { ViewRollup, ViewSink } from "./ports";
import { referrerHost } from "./referrer";
import type { VisitorKeyer } from "./visitor-key";

/** Decides whether a user agent is a bot or link-preview fetcher (cheap: callers cache it). */
export type BotClassifier = (userAgent: string) => boolean;

export interface ViewRecorderOptions {
  sink: ViewSink;
  visitorKey: VisitorKeyer;
  isBot: BotClassifier;
  /** Milliseconds since the epoch; a plain number so recording allocates no Date. */
  nowMs?: () => number;
  /** Referrer strings remembered with their parsed host (bounded; cleared when full). */
  referrerCacheSize?: number;
}

/** One share's views on one day, as they arrive: counts and raw pairs, hashed only at flush time. */
class Bucket {
  views = 0;
  botViews = 0;
  firstAt = 0;
  lastAt = 0;
  /** client address -> user agents seen from it (browser views only). */
  readonly visitors = new Map<string, Set<string>>();
  referrers: Map<string, number> | null = null;
}

type DayBuckets = Map<string, Bucket>;

/**
 * Counts public views in memory and writes them in batches: the request path
 * does a few Map operations and nothing else (no database, no hashing);
 * `flush()` turns what accumulated into per-share-and-day rollups and hands
 * them to the sink in one call. A failed flush keeps its rollups and sends
 * them again with the next one, so nothing is lost while the process lives.
 *
 * The view rule itself is the caller's: only a 200 answer to a GET of a
 * public route is recorded here. Bots and preview fetchers are counted in
 * `botViews`, never as views, never as visitors or referrers.
 */
export class ViewRecorder {
  private days = new Map<string, DayBuckets>();
  private currentDayEnd = 0;
  private current: DayBuckets | null = null;
  private unsent: ViewRollup[] = [];
  private flushing: Promise<void> | null = null;
  private readonly referrerCache = new Map<string, string | null>();
  private readonly referrerCacheSize: number;
  private readonly nowMs: () => number;

  constructor(private readonly options: ViewRecorderOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.referrerCacheSize = options.referrerCacheSize ?? 1024;
  }

  /** One public view of `shareId`. */
  record(
    shareId: string,
    clientIp: string,
    userAgent: string | undefined,
    referer: string | undefined,
  ): void {
    const now = this.nowMs();
    const buckets = this.bucketsAt(now);
    let bucket = buckets.get(shareId);
    if (bucket === undefined) {
      bucket = new Bucket();
      buckets.set(shareId, bucket);
    }
    const agent = userAgent ?? "";
    if (this.options.isBot(agent)) {
      bucket.botViews += 1;
      return;
    }
    bucket.views += 1;
    if (bucket.firstAt === 0) bucket.firstAt = now;
    bucket.lastAt = now;
    const agents = bucket.visitors.get(clientIp);
    if (agents === undefined) bucket.visitors.set(clientIp, new Set([agent]));
    else agents.add(agent);
    if (referer !== undefined && referer.length > 0) {
      const host = this.hostOf(referer);
      if (host !== null) {
        bucket.referrers ??= new Map();
        bucket.referrers.set(host, (bucket.referrers.get(host) ?? 0) + 1);
      }
    }
  }

  /** Views (browser and bot) recorded and not yet written. */
  get pendingViews(): number {
    let count = 0;
    for (const buckets of this.days.values()) {
      for (const bucket of buckets.values()) count += bucket.views + bucket.botViews;
    }
    for (const rollup of this.unsent) count += rollup.views + rollup.botViews;
    return count;
  }

  /**
   * Writes everything recorded so far. Concurrent calls share one write, and
   * a call made while a write runs waits for it and then writes what came in
   * meanwhile, so after `await flush()` every view recorded before the call is stored.
   */
  async flush(): Promise<void> {
    while (this.flushing !== null) await this.flushing.catch(() => {});
    if (this.days.size === 0 && this.unsent.length === 0) return;
    this.flushing = this.writeOnce();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  private async writeOnce(): Promise<void> {
    const taken = this.days;
    this.days = new Map();
    this.current = null;
    this.currentDayEnd = 0;
    const rollups = mergeRollups([...this.unsent, ...this.rollupsOf(taken)]);
    this.unsent = [];
    if (rollups.length === 0) return;
    try {
      await this.options.sink.recordViews(rollups);
    } catch (error) {
      // Kept for the next flush; merged with what arrives meanwhile.
      this.unsent = mergeRollups([...rollups, ...this.unsent]);
      throw error;
    }
  }

  private bucketsAt(now: number): DayBuckets {
    if (this.current !== null && now < this.currentDayEnd && now >= this.currentDayEnd - DAY_MS) {
      return this.current;
    }
    const day = utcDay(now);
    let buckets = this.days.get(day);
    if (buckets === undefined) {
      buckets = new Map();
      this.days.set(day, buckets);
    }
    this.currentDayEnd = now - (now % DAY_MS) + DAY_MS;
    this.current = buckets;
    return buckets;
  }

  private hostOf(referer: string): string | null {
    const cached = this.referrerCache.get(referer);
    if (cached !== undefined) return cached;
    const host = referrerHost(referer);
    if (this.referrerCache.size >= this.referrerCacheSize) this.referrerCache.clear();
    this.referrerCache.set(referer, host);
    return host;
  }

  private rollupsOf(days: Map<string, DayBuckets>): ViewRollup[] {
    const rollups: ViewRollup[] = [];
    for (const [day, buckets] of days) {
      for (const [shareId, bucket] of buckets) {
        const keys = new Set<string>();
        for (const [ip, agents] of bucket.visitors) {
          for (const agent of agents) keys.add(this.options.visitorKey(ip, agent, day));
        }
        rollups.push({
          shareId,
          day,
          views: bucket.views,
          botViews: bucket.botViews,
          visitorKeys: [...keys],
          referrers: bucket.referrers ? [...bucket.referrers].map(([host, views]) => ({ host, views })) : [],
          firstViewAt: bucket.firstAt === 0 ? null : new Date(bucket.firstAt),
          lastViewAt: bucket.lastAt === 0 ? null : new Date(bucket.lastAt),
        });
      }
    }
    return rollups;
  }
}

const earlier = (a: Date | null, b: Date | null) => (a === null ? b : b === null || a <= b ? a : b);
const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null || a >= b ? a : b);

/** One rollup per (share, day): a store upserting a batch must not meet the same key twice. */
export const mergeRollups = (rollups: readonly ViewRollup[]): ViewRollup[] => {
  const merged = new Map<string, ViewRollup>();
  for (const rollup of rollups) {
    const key = `${rollup.shareId} ${rollup.day}`;
    const seen = merged.get(key);
    if (seen === undefined) {
      merged.set(key, { ...rollup, visitorKeys: [...rollup.visitorKeys], referrers: [...rollup.referrers] });
      continue;
    }
    seen.views += rollup.views;
    seen.botViews += rollup.botViews;
    seen.visitorKeys = [...new Set([...seen.visitorKeys, ...rollup.visitorKeys])];
    const hosts = new Map(seen.referrers.map((r) => [r.host, r.views]));
    for (const r of rollup.referrers) hosts.set(r.host, (hosts.get(r.host) ?? 0) + r.views);
    seen.referrers = [...hosts].map(([host, views]) => ({ host, views }));
    seen.firstViewAt = earlier(seen.firstViewAt, rollup.firstViewAt);
    seen.lastViewAt = later(seen.lastViewAt, rollup.lastViewAt);
  }
  return [...merged.values()];
};
