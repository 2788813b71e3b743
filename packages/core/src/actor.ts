import type { SharePolicy } from "./brands/share-policy";

export const ROLES = ["member", "manager"] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller a use case acts for. */
export interface Actor {
  userId: string;
  brandId: string;
  role: Role;
  /** Carried into audit events so a change can be traced to its request. */
  requestId: string | null;
  /**
   * The caller as a share's owner is shown, when authentication has already read
   * their user row: a use case answering with the caller's own share then needs
   * no second lookup of the same row (`viewOwnShare`).
   */
  profile?: ActorProfile;
  /**
   * The caller's brand's share policy, when authentication read it with the
   * credential (the API-key lookup does): the share use cases then apply it
   * without reading it again. Absent: they read it themselves.
   */
  sharePolicy?: SharePolicy;
}

/** Same fields as a share's owner (`ShareOwner`). */
export interface ActorProfile {
  id: string;
  name: string | null;
  email: string;
}

/** The `manage_shares` privilege: remove any share in the brand. */
export const canManageShares = (actor: Actor): boolean => actor.role === "manager";
