import type { Snapshot } from "./snapshot";
import type { ShareWhiteLabel } from "./white-label";

export const RESOURCE_TYPES = ["report", "scheduled"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** The thing a share points at: a report or a scheduled report. */
export interface ResourceRef {
  type: ResourceType;
  id: string;
}

export const sameResource = (a: ResourceRef, b: ResourceRef) => a.type === b.type && a.id === b.id;

export interface Share {
  id: string;
  brandId: string;
  ownerId: string;
  resource: ResourceRef;
  tokenHash: string;
  tokenCiphertext: string;
  snapshot: Snapshot;
  /** Per-share override; null means brand defaults. */
  whiteLabel: ShareWhiteLabel | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  /** Set while the owner (or a manager) has paused the link: both public routes answer 404 (docs/protection.md). */
  pausedAt: Date | null;
  /** argon2id PHC string; null when the link has no password. Never shown again. */
  passwordHash: string | null;
  /** Counted views the link may serve; null for no limit. */
  maxViews: number | null;
  /** Counted views served so far against `maxViews` (only kept up while a limit is set). */
  viewsUsed: number;
}

/**
 * A share without its snapshot (the ~3 kB frozen document): what the share
 * writers read under the resource lock when they do not look at it, nor show
 * it (issue 15). `update` leaves the stored snapshot alone when it has none.
 */
export type ShareWithoutSnapshot = Omit<Share, "snapshot">;

export const SHARE_EVENT_TYPES = [
  "created",
  "refreshed",
  "rotated",
  "extended",
  "revoked",
  "removed",
  "cancelled",
  /** The first browser view (bots never count), recorded once per share by the view flush. */
  "first_viewed",
  /** Found by the scheduled expiry scan, once per expiry (an extend re-arms it). */
  "expired",
  /** Pause / resume (docs/protection.md): the link stops / starts answering with the same token. */
  "paused",
  "resumed",
  /** Password or view limit changed (PATCH /v1/shares/{id}); metadata says which, never the password. */
  "protection_changed",
  /** The 7-day or 1-day reminder before expiry was sent (metadata.reminder); once per expiry. */
  "expiry_reminded",
] as const;
export type ShareEventType = (typeof SHARE_EVENT_TYPES)[number];

/** Audit row: one per state change. */
export interface ShareEvent {
  id: string;
  shareId: string;
  brandId: string;
  /** Null for what no user did: a first view, an expiry. */
  actorId: string | null;
  type: ShareEventType;
  at: Date;
  requestId: string | null;
  oldExpiresAt: Date | null;
  newExpiresAt: Date | null;
  metadata: Record<string, unknown> | null;
  /**
   * The share's facts at the event, for its webhook (never stored with the
   * audit row). Absent on events no use case wrote.
   */
  subject?: Pick<Share, "ownerId" | "resource" | "expiresAt">;
}

/** Who made a share, as their teammates see them. */
export interface ShareOwner {
  id: string;
  /** The display name; null when the user has none (show the email instead). */
  name: string | null;
  email: string;
}

/** A share read together with its owner, in one query. */
export interface ShareWithOwner extends Share {
  /** Null only when the repository cannot resolve the owner. */
  owner: ShareOwner | null;
}

export type ShareStatus = "active" | "expired";

/**
 * A share as a use case hands it back, every caller-relative fact decided
 * here so adapters only rename fields.
 */
export interface ShareView<S extends ShareWithoutSnapshot = Share> {
  /** The share itself; without its snapshot only where a use case says so (REST's extend). */
  share: S;
  owner: ShareOwner | null;
  /** At the use case's clock reading. */
  status: ShareStatus;
  isMine: boolean;
  /** Owner, or a manager of the brand (`mayRemove`). */
  canRemove: boolean;
  /** Plaintext token; null when the caller is not the owner. */
  accessToken: string | null;
  /** True when a create refreshed the caller's existing share. */
  isExisting: boolean;
  /** Counted views left under `maxViews`; null when the link has no view limit. */
  viewsRemaining: number | null;
}
