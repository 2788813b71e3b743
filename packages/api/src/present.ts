import { type ResourceType, type ShareView, type ShareWhiteLabel, shareUrl } from "@sharelinks/core";

/** Outputs are plain JSON: dates travel as ISO strings. */
export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

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
  /** Set while paused (the public routes answer 404). */
  paused_at: string | null;
  has_password: boolean;
  max_views: number | null;
  views_remaining: number | null;
}

/** Core's share view, field for field: core has decided ownership, status and permissions. */
export const presentShare = (view: ShareView, publicBaseUrl: string): ShareItem => {
  const { share } = view;
  return {
    id: share.id,
    share_type: share.resource.type,
    resource_id: share.resource.id,
    title: share.snapshot.title,
    brand_id: share.brandId,
    owner_id: share.ownerId,
    owner: view.owner,
    is_mine: view.isMine,
    can_remove: view.canRemove,
    status: view.status,
    access_token: view.accessToken,
    share_url: view.accessToken === null ? null : shareUrl(publicBaseUrl, view.accessToken),
    created_at: iso(share.createdAt),
    updated_at: iso(share.updatedAt),
    expires_at: iso(share.expiresAt),
    is_existing: view.isExisting,
    white_label_config: share.whiteLabel,
    paused_at: isoOrNull(share.pausedAt),
    has_password: share.passwordHash !== null,
    max_views: share.maxViews,
    views_remaining: view.viewsRemaining,
  };
};
