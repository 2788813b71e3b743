export const ROLES = ["member", "manager"] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller a use case acts for. */
export interface Actor {
  userId: string;
  brandId: string;
  role: Role;
  /** Carried into audit events so a change can be traced to its request. */
  requestId: string | null;
}

/** The `manage_shares` privilege: remove any share in the brand. */
export const canManageShares = (actor: Actor): boolean => actor.role === "manager";
