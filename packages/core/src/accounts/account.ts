import type { Role } from "../actor";
import type { SharePolicy } from "../brands/share-policy";
import type { ShareWhiteLabel } from "../shares/white-label";

export interface Brand {
  id: string;
  name: string;
  /** Defaults every share's public page starts from. */
  whiteLabel: ShareWhiteLabel | null;
  /** Managers' rules for the brand's links (docs/protection.md); NO_SHARE_POLICY when none is set. */
  sharePolicy: SharePolicy;
  createdAt: Date;
}

export interface User {
  id: string;
  brandId: string;
  email: string;
  name: string | null;
  role: Role;
  /** argon2id; null for users who only use API keys. */
  passwordHash: string | null;
  createdAt: Date;
}

export interface ApiKey {
  id: string;
  userId: string;
  brandId: string;
  name: string | null;
  /** The first characters of the key, safe to show so a user can tell keys apart. */
  prefix: string;
  keyHash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface Session {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}
