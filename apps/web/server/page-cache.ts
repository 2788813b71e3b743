import type { PublicShare } from "@sharelinks/core";
import { daysUntil, EXPIRY_NOTICE_DAYS } from "../public-page/format";

/**
 * Rendered public pages, kept per share version so a link's page is rendered
 * once, not on every view (React's render was most of the page's cost).
 *
 * The database lookup still runs on every request, before the cache is asked:
 * a revoked or rotated-away link is a 404 and an expired one a 410 on the very
 * next request, whatever is cached. The cache only stands in for the render of
 * a share that was found and is active, and its key is everything the render
 * reads (see `pageVersion`), so a changed share or brand is rendered afresh on
 * its next view, with no invalidation message to miss, on any instance.
 *
 * Memory is bounded by `maxBytes`. Pages are held as encoded bytes, with the
 * inline stylesheet (the same few kB on every page of a brand's colours) held
 * once. To make room the least recently used page goes, but only one unused
 * for `minIdleMs`: a cache smaller than the set of links being read in turn
 * would otherwise evict every page just before its next view and serve none.
 */

/** Everything the page's render reads besides the (immutable per version) snapshot. */
export const pageVersion = (share: PublicShare, now: Date): string => {
  // Past the last week the page shows no day count; within it, each day renders differently.
  const days = Math.min(daysUntil(share.expires_at, now), EXPIRY_NOTICE_DAYS + 1);
  // snapshot_at is written with updated_at at every create and refresh: it names the share version.
  // The effective white label is the share's own merged over the brand's current one (and the
  // brand's name), so a brand edit changes it: that is the brand's white-label version.
  return `${share.snapshot.snapshot_at}|${share.expires_at}|${days}|${JSON.stringify(share.white_label)}`;
};

export interface PageCacheOptions {
  /** Upper bound on the bytes of pages held (stylesheets included). */
  maxBytes: number;
  /** A page used more recently than this is never evicted to admit another. */
  minIdleMs: number;
  nowMs?: () => number;
}

interface Entry {
  version: string;
  head: Buffer;
  style: Buffer;
  tail: Buffer;
  bytes: number;
  usedAt: number;
}

const STYLE_OPEN = "<style>";
const STYLE_CLOSE = "</style>";
/** Distinct stylesheets kept for sharing; past this many the table starts over. */
const MAX_STYLES = 256;
/** Map entry, key and the three buffers' own objects, roughly. */
const ENTRY_OVERHEAD_BYTES = 400;

export interface PageCacheStats {
  pages: number;
  bytes: number;
  hits: number;
  misses: number;
}

export class RenderedPageCache {
  /** Insertion order is recency: a hit moves its page to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly styles = new Map<string, Buffer>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private readonly nowMs: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /** The page of this share at this version, or undefined (then render it and `set` it). */
  get(shareId: string, version: string): Buffer | undefined {
    const entry = this.entries.get(shareId);
    if (entry === undefined || entry.version !== version) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    entry.usedAt = this.nowMs();
    this.entries.delete(shareId);
    this.entries.set(shareId, entry);
    return Buffer.concat([entry.head, entry.style, entry.tail]);
  }

  /** Keeps the page of this version (an older version of the share is dropped), if there is room. */
  set(shareId: string, version: string, html: string): void {
    this.delete(shareId);
    const { head, style, tail } = this.split(html);
    const bytes = head.length + tail.length + ENTRY_OVERHEAD_BYTES;
    if (!this.makeRoom(bytes)) return;
    this.entries.set(shareId, { version, head, style, tail, bytes, usedAt: this.nowMs() });
    this.bytes += bytes;
  }

  stats(): PageCacheStats {
    return { pages: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }

  private delete(shareId: string) {
    const old = this.entries.get(shareId);
    if (old === undefined) return;
    this.entries.delete(shareId);
    this.bytes -= old.bytes;
  }

  private makeRoom(bytes: number): boolean {
    const { maxBytes, minIdleMs } = this.options;
    if (bytes > maxBytes) return false;
    const now = this.nowMs();
    while (this.bytes + bytes > maxBytes) {
      const oldest = this.entries.entries().next().value;
      if (oldest === undefined) return false;
      const [shareId, entry] = oldest;
      if (now - entry.usedAt < minIdleMs) return false;
      this.entries.delete(shareId);
      this.bytes -= entry.bytes;
    }
    return true;
  }

  /** The document around its stylesheet, the stylesheet shared with every page that has the same one. */
  private split(html: string): { head: Buffer; style: Buffer; tail: Buffer } {
    const open = html.indexOf(STYLE_OPEN);
    const close = open < 0 ? -1 : html.indexOf(STYLE_CLOSE, open);
    if (close < 0) return { head: Buffer.from(html), style: Buffer.alloc(0), tail: Buffer.alloc(0) };
    const end = close + STYLE_CLOSE.length;
    const css = html.slice(open, end);
    let style = this.styles.get(css);
    if (style === undefined) {
      if (this.styles.size >= MAX_STYLES) this.styles.clear();
      style = Buffer.from(css);
      // Few (one per set of brand colours), 256 at most: ~2 MB outside maxBytes.
      this.styles.set(css, style);
    }
    return { head: Buffer.from(html.slice(0, open)), style, tail: Buffer.from(html.slice(end)) };
  }
}
