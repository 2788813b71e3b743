import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { brands } from "./brands";
import { createdAt, id, instant } from "./columns";
import { users } from "./users";

/**
 * REST credentials. Only sha256(key) is stored (keys are 32 random bytes, so a
 * fast hash is enough); `prefix` is the harmless head shown in key lists.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    name: text("name"),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant("last_used_at"),
    /** Revoked keys stay for the audit trail; authentication refuses them. */
    revokedAt: instant("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    index("api_keys_user_id_idx").on(t.userId, t.createdAt),
  ],
);
