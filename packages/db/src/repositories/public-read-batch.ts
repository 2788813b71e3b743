import type { PublicShareRecord, ResourceType, ShareWhiteLabel, Snapshot } from "@sharelinks/core";
import { guarded } from "../pg-errors";
import { dateOf, dateOrNullOf, jsonOf, type RawQuery, type RawRow } from "../raw-sql";

/**
 * Public reads that arrive in the same turn of the event loop share one
 * statement: `token_hash = any(...)` on the unique index, the brand joined per
 * row. Under load many readers are parsed in one I/O phase, and one statement
 * for all of them costs the database, the driver and the socket about what one
 * read cost before (per statement: a round trip, the executor's start-up, two
 * socket writes). A lone reader waits one `setImmediate` hop, nothing more.
 *
 * The brand comes from a `lateral ... limit 1` so the planner probes its
 * primary key per row rather than hashing the whole brands table per batch.
 * Token hashes are base64url (no space), so a space-separated list is one
 * text parameter that every driver sends as is. The record's version is the
 * two rows' `xmin`: every update of either writes a new row version.
 */
const PUBLIC_BY_TOKEN_HASHES =
  "select s.token_hash, s.id, s.xmin::text || '.' || b.version as version, s.resource_type, s.snapshot, " +
  "s.white_label, s.expires_at, s.paused_at, s.password_hash, s.max_views, s.views_used, " +
  "b.name as brand_name, b.white_label as brand_white_label " +
  "from shares s cross join lateral " +
  "(select name, white_label, xmin::text as version from brands where brands.id = s.brand_id limit 1) b " +
  "where s.token_hash = any(string_to_array($1, ' '))";

/** More readers than this in one turn go out as several statements. */
export const MAX_PUBLIC_READ_BATCH = 64;

const TOKEN_HASH = /^[A-Za-z0-9_-]+$/;

interface Waiter {
  resolve(record: PublicShareRecord | null): void;
  reject(error: unknown): void;
}

const recordOf = (row: RawRow): PublicShareRecord => ({
  shareId: row.id as string,
  version: row.version as string,
  resourceType: row.resource_type as ResourceType,
  snapshot: jsonOf<Snapshot>(row.snapshot),
  whiteLabel: jsonOf<ShareWhiteLabel | null>(row.white_label),
  brandName: row.brand_name as string,
  brandWhiteLabel: jsonOf<ShareWhiteLabel | null>(row.brand_white_label),
  expiresAt: dateOf(row.expires_at),
  pausedAt: dateOrNullOf(row.paused_at),
  passwordHash: (row.password_hash as string | null) ?? null,
  maxViews: (row.max_views as number | null) ?? null,
  viewsUsed: row.views_used as number,
});

export class PublicReadBatch {
  /** Readers of this turn by token hash (two readers of one link share its row). */
  private pending = new Map<string, Waiter[]>();
  private scheduled = false;

  /** `query`: the database's driver call (`rawQueryOf(db.orm)`). */
  constructor(private readonly query: RawQuery) {}

  /** The link with this token hash (and its brand), or null; resolved with this turn's other readers. */
  find(tokenHash: string): Promise<PublicShareRecord | null> {
    // core hashes every token it looks up; anything else matches no row (and must not split the list).
    if (!TOKEN_HASH.test(tokenHash)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(tokenHash);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(tokenHash, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.flush);
      }
    });
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    let hashes: string[] = [];
    for (const hash of batch.keys()) {
      hashes.push(hash);
      if (hashes.length === MAX_PUBLIC_READ_BATCH) {
        void this.run(hashes, batch);
        hashes = [];
      }
    }
    if (hashes.length > 0) void this.run(hashes, batch);
  };

  private async run(hashes: string[], batch: Map<string, Waiter[]>): Promise<void> {
    let rows: RawRow[];
    try {
      rows = await guarded(() => this.query(PUBLIC_BY_TOKEN_HASHES, [hashes.join(" ")]));
    } catch (error) {
      for (const hash of hashes) for (const waiter of batch.get(hash) ?? []) waiter.reject(error);
      return;
    }
    const found = new Map<string, PublicShareRecord>();
    for (const row of rows) found.set(row.token_hash as string, recordOf(row));
    for (const hash of hashes) {
      const record = found.get(hash) ?? null;
      for (const waiter of batch.get(hash) ?? []) waiter.resolve(record);
    }
  }
}
