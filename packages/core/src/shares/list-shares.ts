import type { Actor } from "../actor";
import type { ShareDeps } from "./deps";
import type { Page } from "./ports";
import { assertResourceVisible } from "./resource-snapshot";
import type { ListMySharesQuery } from "./schemas";
import type { ResourceRef, ShareView } from "./share";
import { viewShare } from "./share-view";

/** Active shares on a resource, teammates' included (their tokens withheld). */
export const listResourceShares = async (
  deps: ShareDeps,
  actor: Actor,
  resource: ResourceRef,
): Promise<ShareView[]> => {
  await assertResourceVisible(deps, actor, resource);
  const now = deps.clock.now();
  const shares = await deps.shares.listActiveByResource(resource, now);
  return shares.map(({ owner, ...share }) => viewShare(deps, actor, share, now, { owner }));
};

/** The caller's own shares across resources, newest first or last viewed first, cursor-paginated: the caller owns them all. */
export const listMyShares = async (
  deps: ShareDeps,
  actor: Actor,
  query: Omit<ListMySharesQuery, "sort"> & Partial<Pick<ListMySharesQuery, "sort">>,
): Promise<Page<ShareView>> => {
  const now = deps.clock.now();
  const [page, owner] = await Promise.all([
    deps.shares.listByOwner({
      ownerId: actor.userId,
      brandId: actor.brandId,
      status: query.status,
      sort: query.sort ?? "created",
      limit: query.limit,
      startingAfter: query.starting_after ?? null,
      now,
    }),
    deps.shares.findOwner(actor.userId),
  ]);
  return {
    items: page.items.map((share) => viewShare(deps, actor, share, now, { owner })),
    hasMore: page.hasMore,
  };
};
