import type { SharePolicy } from "../brands/share-policy";
import type {
  ResourceRef,
  Share,
  ShareEvent,
  ShareOwner,
  ShareWithOwner,
  ShareWithoutSnapshot,
} from "./share";
import type { Snapshot } from "./snapshot";
import type { ShareWhiteLabel } from "./white-label";

/**
 * Work done inside one database transaction. Everything a use case writes goes
 * through here so a failure leaves no partial share behind. Calls take effect
 * in the order they are made, also when a use case makes one before the
 * previous has answered (the lock, then the read under it): the database
 * adapter then sends them together, in that order.
 */
export interface ShareTransaction {
  /**
   * Serializes every writer of this resource until the transaction ends. The
   * per-resource cap is only correct because count-then-insert happens under it.
   */
  lockResource(resource: ResourceRef): Promise<void>;
  findById(shareId: string): Promise<Share | null>;
  /** As `findById` (the share locked too), without reading its snapshot. */
  findByIdWithoutSnapshot(shareId: string): Promise<ShareWithoutSnapshot | null>;
  /**
   * The caller's share on the resource, locked, without its snapshot: a
   * refresh writes a new one, a replacement or revocation deletes the row.
   */
  findOwned(ownerId: string, resource: ResourceRef): Promise<ShareWithoutSnapshot | null>;
  countActive(resource: ResourceRef, now: Date): Promise<number>;
  insert(share: Share): Promise<void>;
  /**
   * Writes the mutable fields: snapshot, whiteLabel, expiresAt, updatedAt and
   * the protection fields (pausedAt, passwordHash, maxViews, viewsUsed). The
   * row was read with `findById`/`findOwned` (locked), so `viewsUsed` cannot
   * have moved since. A share without a snapshot keeps the stored one.
   */
  update(share: ShareWithoutSnapshot & { snapshot?: Snapshot }): Promise<void>;
  delete(shareIds: readonly string[]): Promise<void>;
  recordEvent(event: ShareEvent): Promise<void>;
}

/** `expiring`: active, expiring within EXPIRING_SOON_DAYS (the reminders' window). */
export type ShareStatusFilter = "active" | "expiring" | "expired" | "all";
/** `last_viewed`: the last browser view first, never-viewed shares after, each group newest first. */
export type OwnerShareSort = "created" | "last_viewed";

export interface OwnerShareQuery {
  ownerId: string;
  brandId: string;
  status: ShareStatusFilter;
  /** Default `created`. */
  sort?: OwnerShareSort;
  limit: number;
  /** Share id of the last item of the previous page. */
  startingAfter: string | null;
  now: Date;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** What the public read needs, fetched in one indexed lookup by token hash. */
export interface PublicShareRecord {
  /** Not part of the public payload: view counting (and link protection) key on it. */
  shareId: string;
  /**
   * Changes whenever the link's row or its brand's row changes (the database's
   * row versions): whatever was built from an earlier record, such as a rendered
   * page, is stale once this differs. Never sent.
   */
  version: string;
  resourceType: Share["resource"]["type"];
  snapshot: Snapshot;
  whiteLabel: ShareWhiteLabel | null;
  brandName: string;
  brandWhiteLabel: ShareWhiteLabel | null;
  expiresAt: Date;
  /** Protection (docs/protection.md), read in the same statement so an unprotected link pays nothing more. */
  pausedAt: Date | null;
  passwordHash: string | null;
  maxViews: number | null;
  viewsUsed: number;
}

export interface ShareRepository {
  transaction<T>(work: (tx: ShareTransaction) => Promise<T>): Promise<T>;
  findById(shareId: string): Promise<Share | null>;
  findPublicByTokenHash(tokenHash: string): Promise<PublicShareRecord | null>;
  /**
   * Uses one view of a link with a view limit: one conditional, atomic
   * increment (`views_used < max_views`), so concurrent readers on any number
   * of instances never get more than `max_views` successes. True when a view
   * was left and is now used; false when the limit was already reached.
   */
  consumeView(shareId: string): Promise<boolean>;
  /** Newest first, each with its owner joined in (one query, whatever the number of owners). */
  listActiveByResource(resource: ResourceRef, now: Date): Promise<ShareWithOwner[]>;
  /** Newest first (created_at, then id) or by last view (see OwnerShareSort), cursor after `startingAfter`. */
  listByOwner(query: OwnerShareQuery): Promise<Page<Share>>;
  /**
   * The brand's share policy (docs/protection.md), NO_SHARE_POLICY when none is
   * set. Read by creates, extends and password removals only, never by the
   * public read.
   */
  findSharePolicy(brandId: string): Promise<SharePolicy>;
  /** The user as a share's owner is shown; null for an unknown id. */
  findOwner(userId: string): Promise<ShareOwner | null>;
}
