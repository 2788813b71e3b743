/**
 * Public pages as rendered, kept per link (issue 14: "render once per share
 * version"). A link's page is rendered on its first read and then written as
 * the stored bytes for as long as the link's version holds (the rows of the
 * link and of its brand: PublicShareRecord.version) and its expiry notice's
 * day is the same ("expires in 3 days" moves at midnight, not with the rows).
 *
 * Only the render is reused, never the decision to answer: every request
 * still reads the link, so revocation, rotation, pause, expiry, passwords and
 * view limits hold on the very next request (docs/operations.md,
 * "Rendered public pages").
 *
 * Bounded in bytes (PUBLIC_PAGE_CACHE_MB); when full, the page served least
 * recently goes first. A budget of 0 keeps nothing.
 */
interface Entry {
  version: string;
  day: number;
  body: Buffer;
}

export interface RenderedPageStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export class RenderedPages {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently served first.
  private readonly pages = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly maxBytes: number) {}

  /** The page built for this version and day, or undefined (then `render`, and `keep` the result). */
  find(shareId: string, version: string, day: number): Buffer | undefined {
    const entry = this.pages.get(shareId);
    if (entry === undefined || entry.version !== version || entry.day !== day) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.pages.delete(shareId);
    this.pages.set(shareId, entry);
    return entry.body;
  }

  /** Keeps a page, replacing the link's earlier one, evicting the least recently served to make room. */
  keep(shareId: string, version: string, day: number, body: Buffer): void {
    const earlier = this.pages.get(shareId);
    if (earlier !== undefined) {
      this.pages.delete(shareId);
      this.bytes -= earlier.body.length;
    }
    if (body.length > this.maxBytes) return;
    for (const [oldest, entry] of this.pages) {
      if (this.bytes + body.length <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= entry.body.length;
    }
    this.pages.set(shareId, { version, day, body });
    this.bytes += body.length;
  }

  stats(): RenderedPageStats {
    return { entries: this.pages.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}
