import type { ApiKey } from "@sharelinks/core";
import { iso, isoOrNull } from "../../present";

/** Never the key itself nor its hash: the prefix is what tells keys apart. */
export interface ApiKeyItem {
  id: string;
  name: string | null;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  status: "active" | "revoked";
}

export const presentApiKey = (key: ApiKey): ApiKeyItem => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  created_at: iso(key.createdAt),
  last_used_at: isoOrNull(key.lastUsedAt),
  revoked_at: isoOrNull(key.revokedAt),
  status: key.revokedAt ? "revoked" : "active",
});
