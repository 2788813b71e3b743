import {
  type Actor,
  isActiveAt,
  mayRemove,
  type ResourceType,
  type ShareView,
  type ShareWhiteLabel,
  type User,
} from "@sharelinks/core";
import type { ApiServices } from "./trpc";

/** Outputs are plain JSON: dates travel as ISO strings. */
export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** Links are built from PUBLIC_BASE_URL, never from the request. */
export const shareUrl = (publicBaseUrl: string, token: string) =>
  `${publicBaseUrl.replace(/\/+$/, "")}/shared/${token}`;

export interface PersonItem {
  id: string;
  email: string;
  name: string | null;
}

export interface ShareItem {
  id: string;
  share_type: ResourceType;
  resource_id: string;
  /** The resource's title as frozen in the snapshot. */
  title: string;
  brand_id: string;
  owner_id: string;
  /** Null only if the owner's account no longer resolves. */
  owner: PersonItem | null;
  is_mine: boolean;
  /** Owner, or a manager of the brand. */
  can_remove: boolean;
  status: "active" | "expired";
  /** Only for the caller's own shares; null on teammates' shares. */
  access_token: string | null;
  share_url: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
  /** True when a create refreshed the caller's existing share. */
  is_existing: boolean;
  /** Per-share override; null means brand defaults. */
  white_label_config: ShareWhiteLabel | null;
}

export interface PresentContext {
  services: Pick<ApiServices, "shares" | "accounts">;
  actor: Actor;
  publicBaseUrl: string;
}

export const personItem = (user: Pick<User, "id" | "email" | "name">): PersonItem => ({
  id: user.id,
  email: user.email,
  name: user.name,
});

/** Looks up each distinct owner once. */
const ownersOf = async (ctx: PresentContext, ownerIds: string[]) => {
  const unique = [...new Set(ownerIds)];
  const users = await Promise.all(unique.map((id) => ctx.services.accounts.accounts.findUser(id)));
  const byId = new Map<string, PersonItem>();
  for (const user of users) {
    if (user && user.brandId === ctx.actor.brandId) byId.set(user.id, personItem(user));
  }
  return byId;
};

const toShareItem = (
  ctx: PresentContext,
  view: ShareView,
  owner: PersonItem | null,
  now: Date,
): ShareItem => {
  const { share } = view;
  const isMine = share.ownerId === ctx.actor.userId;
  // viewShare already withholds teammates' tokens; the ownership check here is belt and braces.
  const token = isMine ? view.accessToken : null;
  return {
    id: share.id,
    share_type: share.resource.type,
    resource_id: share.resource.id,
    title: share.snapshot.title,
    brand_id: share.brandId,
    owner_id: share.ownerId,
    owner,
    is_mine: isMine,
    can_remove: mayRemove(ctx.actor, share),
    status: isActiveAt(share.expiresAt, now) ? "active" : "expired",
    access_token: token,
    share_url: token ? shareUrl(ctx.publicBaseUrl, token) : null,
    created_at: iso(share.createdAt),
    updated_at: iso(share.updatedAt),
    expires_at: iso(share.expiresAt),
    is_existing: view.isExisting,
    white_label_config: share.whiteLabel,
  };
};

export const presentShares = async (
  ctx: PresentContext,
  views: readonly ShareView[],
): Promise<ShareItem[]> => {
  const owners = await ownersOf(
    ctx,
    views.map((view) => view.share.ownerId),
  );
  const now = ctx.services.shares.clock.now();
  return views.map((view) => toShareItem(ctx, view, owners.get(view.share.ownerId) ?? null, now));
};

export const presentShare = async (ctx: PresentContext, view: ShareView): Promise<ShareItem> => {
  const [item] = await presentShares(ctx, [view]);
  return item as ShareItem;
};
