import { AsyncLocalStorage } from "node:async_hooks";
import type { Brand } from "../accounts/account";
import { type SharePolicy, sharePolicyOf } from "../brands/share-policy";
import { isActiveAt } from "../shares/expiry";
import { EXPIRING_SOON_DAYS } from "../shares/expiry-reminders";
import type {
  OwnerShareQuery,
  Page,
  PublicShareRecord,
  ShareRepository,
  ShareStatusFilter,
  ShareTransaction,
} from "../shares/ports";
import {
  type ResourceRef,
  type Share,
  type ShareEvent,
  type ShareOwner,
  type ShareWithoutSnapshot,
  sameResource,
} from "../shares/share";

/** The part of a brand the public read (and the brand's share policy) needs. */
export type ShareBrand = Pick<Brand, "id" | "name" | "whiteLabel"> & { sharePolicy?: SharePolicy };

/** What the database would raise on a unique or foreign key violation. */
export class ConstraintViolationError extends Error {
  override readonly name = "ConstraintViolationError";
  constructor(
    readonly constraint: string,
    message: string,
  ) {
    super(message);
  }
}

export interface InMemoryShareRepository extends ShareRepository {
  addBrand(brand: ShareBrand): void;
  /** What a manager's PATCH /v1/brand would store (the database reads brands.share_policy). */
  setSharePolicy(brandId: string, policy: SharePolicy): void;
  /** Makes a user known as a share owner (the database joins the users table instead). */
  addOwner(owner: ShareOwner): void;
  /** Committed shares, oldest first. Copies: mutating them changes nothing. */
  allShares(): Share[];
  /** Committed audit events in the order they were written. Copies. */
  events(): ShareEvent[];
  /** The last browser view of a share, as the view store keeps it (the database joins share_view_totals). */
  noteViewed(shareId: string, at: Date): void;
}

export interface InMemoryShareRepositoryOptions {
  brands?: Iterable<ShareBrand>;
}

interface State {
  shares: Map<string, Share>;
  events: ShareEvent[];
}

/** A copy of the share, its snapshot left out (what `findOwned` and `findByIdWithoutSnapshot` read). */
const withoutSnapshot = ({ snapshot: _snapshot, ...rest }: Share): ShareWithoutSnapshot =>
  structuredClone(rest);

const resourceKey = (resource: ResourceRef) => `${resource.type}:${resource.id}`;

// Newest first on (created_at, id), the order the database index gives.
const newestFirst = (a: Share, b: Share) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const matchesStatus = (share: Share, status: ShareStatusFilter, now: Date) => {
  if (status === "all") return true;
  if (status === "expiring")
    return (
      isActiveAt(share.expiresAt, now) &&
      share.expiresAt.getTime() <= now.getTime() + EXPIRING_SOON_DAYS * 24 * 60 * 60 * 1000
    );
  return (status === "active") === isActiveAt(share.expiresAt, now);
};

/**
 * ShareRepository over plain maps, for unit tests.
 *
 * Transactions run one at a time (a promise chain), which is how this version
 * honours `lockResource`: nobody else can interleave with a count-then-insert.
 * Each transaction works on a copy of the committed state that replaces it only
 * on success, so a throw leaves nothing behind and reads outside a transaction
 * never see uncommitted rows.
 *
 * Stricter than the database in two ways, both to catch use-case bugs that
 * serialization would otherwise hide: `countActive` and `insert` demand that the
 * transaction locked the resource first, and a transaction handle used after
 * its transaction ended throws. Rows are cloned in and out, like a round trip
 * through a database, so a snapshot cannot change after it was stored.
 */
export const createInMemoryShareRepository = (
  options: InMemoryShareRepositoryOptions = {},
): InMemoryShareRepository => {
  const brands = new Map<string, ShareBrand>();
  let committed: State = { shares: new Map(), events: [] };
  const lastViewed = new Map<string, Date>();
  let queue: Promise<unknown> = Promise.resolve();
  const insideTransaction = new AsyncLocalStorage<true>();

  const owners = new Map<string, ShareOwner>();
  const addBrand = (brand: ShareBrand) => {
    brands.set(brand.id, structuredClone(brand));
  };
  const ownerOf = (userId: string) => {
    const owner = owners.get(userId);
    return owner ? structuredClone(owner) : null;
  };
  for (const brand of options.brands ?? []) addBrand(brand);

  const openTransaction = (state: State) => {
    const locked = new Set<string>();
    let open = true;

    const guard = () => {
      if (!open)
        throw new Error("in-memory share repository: transaction handle used after the transaction ended");
    };
    const requireLock = (resource: ResourceRef, operation: string) => {
      if (!locked.has(resourceKey(resource))) {
        throw new Error(
          `in-memory share repository: ${operation} on ${resourceKey(resource)} without lockResource; the cap would not hold under concurrency`,
        );
      }
    };

    const tx: ShareTransaction = {
      async lockResource(resource) {
        guard();
        locked.add(resourceKey(resource));
      },
      async findById(shareId) {
        guard();
        const share = state.shares.get(shareId);
        return share ? structuredClone(share) : null;
      },
      // As the database: the row without its snapshot, so a use case that went on to read it would find none.
      async findByIdWithoutSnapshot(shareId) {
        guard();
        const share = state.shares.get(shareId);
        return share ? withoutSnapshot(share) : null;
      },
      async findOwned(ownerId, resource) {
        guard();
        for (const share of state.shares.values()) {
          if (share.ownerId === ownerId && sameResource(share.resource, resource))
            return withoutSnapshot(share);
        }
        return null;
      },
      async countActive(resource, now) {
        guard();
        requireLock(resource, "countActive");
        let count = 0;
        for (const share of state.shares.values()) {
          if (sameResource(share.resource, resource) && isActiveAt(share.expiresAt, now)) count += 1;
        }
        return count;
      },
      async insert(share) {
        guard();
        requireLock(share.resource, "insert");
        if (!brands.has(share.brandId)) {
          throw new ConstraintViolationError("shares_brand_id_fkey", `brand ${share.brandId} does not exist`);
        }
        for (const other of state.shares.values()) {
          if (other.id === share.id) {
            throw new ConstraintViolationError("shares_pkey", `duplicate share id ${share.id}`);
          }
          if (other.tokenHash === share.tokenHash) {
            throw new ConstraintViolationError("shares_token_hash_key", "duplicate token hash");
          }
          if (other.ownerId === share.ownerId && sameResource(other.resource, share.resource)) {
            throw new ConstraintViolationError(
              "shares_owner_resource_key",
              `owner ${share.ownerId} already has a share on ${resourceKey(share.resource)}`,
            );
          }
        }
        state.shares.set(share.id, structuredClone(share));
      },
      async update(share) {
        guard();
        const stored = state.shares.get(share.id);
        if (!stored) throw new Error(`in-memory share repository: update of missing share ${share.id}`);
        // Only the mutable columns, as the port documents.
        const { snapshot, whiteLabel, expiresAt, updatedAt, pausedAt, passwordHash, maxViews, viewsUsed } =
          structuredClone(share);
        state.shares.set(share.id, {
          ...stored,
          // Without one, the stored snapshot stays.
          snapshot: snapshot ?? stored.snapshot,
          whiteLabel,
          expiresAt,
          updatedAt,
          pausedAt,
          passwordHash,
          maxViews,
          viewsUsed,
        });
      },
      async delete(shareIds) {
        guard();
        for (const id of shareIds) state.shares.delete(id);
      },
      async recordEvent({ subject: _subject, ...event }) {
        guard();
        // As the database: the audit row keeps no copy of the share's facts (those are for its webhook).
        state.events.push(structuredClone(event));
      },
    };
    return { tx, close: () => (open = false) };
  };

  const runIsolated = async <T>(work: (tx: ShareTransaction) => Promise<T>): Promise<T> => {
    const working: State = { shares: new Map(committed.shares), events: [...committed.events] };
    const { tx, close } = openTransaction(working);
    try {
      const result = await insideTransaction.run(true, () => work(tx));
      committed = working;
      return result;
    } finally {
      close();
    }
  };

  return {
    addBrand,
    setSharePolicy: (brandId, policy) => {
      const brand = brands.get(brandId);
      if (!brand) throw new Error(`in-memory share repository: unknown brand ${brandId}`);
      brand.sharePolicy = structuredClone(policy);
    },
    async findSharePolicy(brandId) {
      return sharePolicyOf(structuredClone(brands.get(brandId)?.sharePolicy));
    },
    addOwner: (owner) => void owners.set(owner.id, structuredClone(owner)),
    noteViewed: (shareId, at) => {
      const before = lastViewed.get(shareId);
      if (!before || at > before) lastViewed.set(shareId, at);
    },
    allShares: () => [...committed.shares.values()].map((share) => structuredClone(share)),
    events: () => committed.events.map((event) => structuredClone(event)),

    transaction(work) {
      // The chain would wait on itself forever; fail loudly instead.
      if (insideTransaction.getStore()) {
        return Promise.reject(new Error("in-memory share repository: nested transactions are not supported"));
      }
      const run = queue.then(() => runIsolated(work));
      queue = run.catch(() => undefined);
      return run;
    },

    async findById(shareId) {
      const share = committed.shares.get(shareId);
      return share ? structuredClone(share) : null;
    },

    async findPublicByTokenHash(tokenHash): Promise<PublicShareRecord | null> {
      for (const share of committed.shares.values()) {
        if (share.tokenHash !== tokenHash) continue;
        const brand = brands.get(share.brandId);
        if (!brand) throw new Error(`in-memory share repository: brand ${share.brandId} vanished`);
        return structuredClone({
          shareId: share.id,
          // Tests only: the content itself stands in for the database's row versions.
          version: JSON.stringify([share, brand]),
          resourceType: share.resource.type,
          snapshot: share.snapshot,
          whiteLabel: share.whiteLabel,
          brandName: brand.name,
          brandWhiteLabel: brand.whiteLabel,
          expiresAt: share.expiresAt,
          pausedAt: share.pausedAt,
          passwordHash: share.passwordHash,
          maxViews: share.maxViews,
          viewsUsed: share.viewsUsed,
        });
      }
      return null;
    },

    async consumeView(shareId) {
      // Synchronous between the read and the write, so as atomic as the database's conditional update.
      const share = committed.shares.get(shareId);
      if (!share) return false;
      if (share.maxViews === null) return true;
      if (share.viewsUsed >= share.maxViews) return false;
      committed.shares.set(shareId, { ...share, viewsUsed: share.viewsUsed + 1 });
      return true;
    },

    async listActiveByResource(resource, now) {
      return [...committed.shares.values()]
        .filter((share) => sameResource(share.resource, resource) && isActiveAt(share.expiresAt, now))
        .sort(newestFirst)
        .map((share) => ({ ...structuredClone(share), owner: ownerOf(share.ownerId) }));
    },

    async findOwner(userId) {
      return ownerOf(userId);
    },

    async listByOwner(query: OwnerShareQuery): Promise<Page<Share>> {
      const viewedAt = (share: Share) => lastViewed.get(share.id)?.getTime() ?? Number.NEGATIVE_INFINITY;
      const owned = [...committed.shares.values()]
        .filter((share) => share.ownerId === query.ownerId && share.brandId === query.brandId)
        .sort((a, b) =>
          query.sort === "last_viewed" ? viewedAt(b) - viewedAt(a) || newestFirst(a, b) : newestFirst(a, b),
        );
      let start = 0;
      if (query.startingAfter !== null) {
        // An unknown cursor (deleted meanwhile, or not the caller's) yields an
        // empty page, as a keyset query whose cursor row is missing would.
        const cursor = owned.findIndex((share) => share.id === query.startingAfter);
        if (cursor === -1) return { items: [], hasMore: false };
        start = cursor + 1;
      }
      const matching = owned.slice(start).filter((share) => matchesStatus(share, query.status, query.now));
      return {
        items: matching.slice(0, query.limit).map((share) => structuredClone(share)),
        hasMore: matching.length > query.limit,
      };
    },
  };
};
