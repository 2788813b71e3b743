import {
  EXPIRING_SOON_DAYS,
  type OwnerShareQuery,
  type OwnerShareSort,
  type Page,
  type PublicShareRecord,
  type ResourceRef,
  type Share,
  type ShareOwner,
  type SharePolicy,
  type ShareRepository,
  type ShareTransaction,
  type ShareWithOwner,
  sharePolicyOf,
  validationError,
} from "@sharelinks/core";
import { and, desc, eq, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { isUuid } from "../ids";
import { dbObserver } from "../observer";
import { guarded } from "../pg-errors";
import { rawQueryOf } from "../raw-sql";
import { brands, shares, shareViewTotals, users } from "../schema";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withTransactionRetry } from "../transaction-retry";
import { PublicReadBatch } from "./public-read-batch";
import { onResource, shareFromRow } from "./share-rows";
import { DrizzleShareTransaction } from "./share-transaction";

const newestFirst = [desc(shares.createdAt), desc(shares.id)];
/** My links by last view: a never-viewed share sorts after every viewed one. */
const lastViewedKey = sql`coalesce(${shareViewTotals.lastViewedAt}, '-infinity'::timestamptz)`;
const ownerColumns = { id: users.id, name: users.name, email: users.email };

export class DrizzleShareRepository implements ShareRepository {
  /**
   * The public read is the hot path: the readers of one event-loop turn share
   * one statement on the unique token_hash index, the brand joined in.
   */
  private readonly publicReads: PublicReadBatch;
  /** Only links with a view limit run this, after the read above. */
  private readonly consumeOneView;

  constructor(
    private readonly db: Database,
    private readonly retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.publicReads = new PublicReadBatch(rawQueryOf(db.orm));
    // One statement, atomic on the row: the row lock serializes concurrent
    // readers on every instance, and the re-checked condition stops at the limit.
    this.consumeOneView = db.orm
      .update(shares)
      .set({ viewsUsed: sql`${shares.viewsUsed} + 1` })
      .where(
        and(
          eq(shares.id, sql.placeholder("shareId")),
          sql`(${shares.maxViews} is null or ${shares.viewsUsed} < ${shares.maxViews})`,
        ),
      )
      .returning({ id: shares.id })
      .prepare("share_consume_view");
  }

  transaction<T>(work: (tx: ShareTransaction) => Promise<T>): Promise<T> {
    return withTransactionRetry(async () => {
      const recorded: string[] = [];
      const result = await this.db.rawTransaction(async (query) => {
        const writes = new DrizzleShareTransaction(query);
        recorded.length = 0;
        writes.onRecorded = (type) => recorded.push(type);
        const result = await work(writes);
        await writes.flush();
        return result;
      });
      // Counted once committed: the events of a retried attempt never happened.
      for (const type of recorded) dbObserver.shareEvent(type);
      return result;
    }, this.retryPolicy);
  }

  findById(shareId: string): Promise<Share | null> {
    return guarded(async () => {
      if (!isUuid(shareId)) return null;
      const [row] = await this.db.orm.select().from(shares).where(eq(shares.id, shareId));
      return row ? shareFromRow(row) : null;
    });
  }

  findPublicByTokenHash(tokenHash: string): Promise<PublicShareRecord | null> {
    return this.publicReads.find(tokenHash);
  }

  consumeView(shareId: string): Promise<boolean> {
    return guarded(async () => {
      if (!isUuid(shareId)) return false;
      const rows = await this.consumeOneView.execute({ shareId });
      return rows.length === 1;
    });
  }

  /** Owners come from the same statement (a join on users' primary key), never one lookup each. */
  listActiveByResource(resource: ResourceRef, now: Date): Promise<ShareWithOwner[]> {
    return guarded(async () => {
      if (!isUuid(resource.id)) return [];
      const rows = await this.db.orm
        .select({ share: shares, owner: ownerColumns })
        .from(shares)
        .innerJoin(users, eq(users.id, shares.ownerId))
        .where(and(onResource(resource), gte(shares.expiresAt, now)))
        .orderBy(...newestFirst);
      return rows.map((row) => ({ ...shareFromRow(row.share), owner: row.owner }));
    });
  }

  /** One primary-key probe; a create runs it beside the resource read. */
  findSharePolicy(brandId: string): Promise<SharePolicy> {
    return guarded(async () => {
      if (!isUuid(brandId)) return sharePolicyOf(null);
      const [row] = await this.db.orm
        .select({ sharePolicy: brands.sharePolicy })
        .from(brands)
        .where(eq(brands.id, brandId));
      return sharePolicyOf(row?.sharePolicy);
    });
  }

  findOwner(userId: string): Promise<ShareOwner | null> {
    return guarded(async () => {
      if (!isUuid(userId)) return null;
      const [row] = await this.db.orm.select(ownerColumns).from(users).where(eq(users.id, userId));
      return row ?? null;
    });
  }

  /**
   * Keyset pagination: the page after a share is everything strictly older
   * in (created_at, id) order, so pages stay stable while links are added.
   */
  listByOwner(query: OwnerShareQuery): Promise<Page<Share>> {
    return guarded(async () => {
      const filters: (SQL | undefined)[] = [
        eq(shares.ownerId, query.ownerId),
        eq(shares.brandId, query.brandId),
      ];
      if (query.status === "active") filters.push(gte(shares.expiresAt, query.now));
      if (query.status === "expired") filters.push(lt(shares.expiresAt, query.now));
      if (query.status === "expiring") {
        const horizon = new Date(query.now.getTime() + EXPIRING_SOON_DAYS * 24 * 60 * 60 * 1000);
        filters.push(gte(shares.expiresAt, query.now), lte(shares.expiresAt, horizon));
      }
      if (query.startingAfter !== null)
        filters.push(await this.olderThan(query.ownerId, query.startingAfter, query.sort ?? "created"));

      if (query.sort === "last_viewed") {
        const rows = await this.db.orm
          .select({ share: shares })
          .from(shares)
          .leftJoin(shareViewTotals, eq(shareViewTotals.shareId, shares.id))
          .where(and(...filters))
          .orderBy(desc(lastViewedKey), ...newestFirst)
          .limit(query.limit + 1);
        const items = rows.slice(0, query.limit).map((row) => shareFromRow(row.share));
        return { items, hasMore: rows.length > query.limit };
      }
      const rows = await this.db.orm
        .select()
        .from(shares)
        .where(and(...filters))
        .orderBy(...newestFirst)
        .limit(query.limit + 1);
      return { items: rows.slice(0, query.limit).map(shareFromRow), hasMore: rows.length > query.limit };
    });
  }

  /**
   * The cursor is a share id, so its position must be looked up. A cursor that
   * is not (or no longer) one of the caller's shares cannot be placed: that is
   * reported rather than silently answered with an empty page.
   */
  private async olderThan(ownerId: string, shareId: string, sort: OwnerShareSort): Promise<SQL> {
    const [cursor] = isUuid(shareId)
      ? await this.db.orm
          .select({ createdAt: shares.createdAt, id: shares.id })
          .from(shares)
          .where(and(eq(shares.id, shareId), eq(shares.ownerId, ownerId)))
      : [];
    if (!cursor) {
      throw validationError("starting_after does not name one of your shares", { field: "starting_after" });
    }
    if (sort === "last_viewed") {
      // The cursor's last view is read again inside the statement (a row
      // subquery) rather than sent back: '-infinity' has no JS Date to carry it.
      return sql`(${lastViewedKey}, ${shares.createdAt}, ${shares.id}) < (
        select coalesce(t.last_viewed_at, '-infinity'::timestamptz), s.created_at, s.id
        from ${shares} s left join ${shareViewTotals} t on t.share_id = s.id
        where s.id = ${cursor.id}::uuid)`;
    }
    // Row comparison; the timestamp goes in as ISO text because a raw Date
    // parameter is not serialized the same way by both drivers.
    return sql`(${shares.createdAt}, ${shares.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
  }
}
