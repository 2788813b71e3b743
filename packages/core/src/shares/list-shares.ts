import type { Actor } from "../actor";
import type { ShareDeps } from "./deps";
import type { Page } from "./ports";
import { assertResourceVisible } from "./resource-snapshot";
import { viewShare } from "./rules";
import type { ListMySharesQuery } from "./schemas";
import type { ResourceRef, ShareView } from "./share";

/** Active shares on a resource, teammates' included (their tokens withheld). */
export const listResourceShares = async (
  deps: ShareDeps,
  actor: Actor,
  resource: ResourceRef,
): Promise<ShareView[]> => {
  await assertResourceVisible(deps, actor, resource);
  const shares = await deps.shares.listActiveByResource(resource, deps.clock.now());
  return shares.map((share) => viewShare(deps, actor, share));
};

/** The caller's own shares across resources, newest first, cursor-paginated. */
export const listMyShares = async (
  deps: ShareDeps,
  actor: Actor,
  query: ListMySharesQuery,
): Promise<Page<ShareView>> => {
  const page = await deps.shares.listByOwner({
    ownerId: actor.userId,
    brandId: actor.brandId,
    status: query.status,
    limit: query.limit,
    startingAfter: query.starting_after ?? null,
    now: deps.clock.now(),
  });
  return { items: page.items.map((share) => viewShare(deps, actor, share)), hasMore: page.hasMore };
};
