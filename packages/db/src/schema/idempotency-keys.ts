import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";

/**
 * `Idempotency-Key` of /v1 writes (docs/api.md): one row per key and caller,
 * holding the request's fingerprint and, once done, its answer. The key is
 * kept as sha256 (bounded size; it names a request, it is not a secret); the
 * answer is AES-256-GCM ciphertext, since some answers carry a secret shown
 * once (share URLs, API keys, webhook secrets). Rows live 24 h: the retention
 * job deletes older ones by `created_at`.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: id(),
    /** The API key's id, or `admin` for the admin token: keys are per caller. */
    scope: text("scope").notNull(),
    keyHash: text("key_hash").notNull(),
    /** sha256 of method, path and body: "the same request". */
    fingerprint: text("fingerprint").notNull(),
    /** The attempt holding the key: only it completes or releases the row. */
    claimId: uuid("claim_id").notNull(),
    state: text("state", { enum: ["running", "done"] }).notNull(),
    responseStatus: integer("response_status"),
    response: text("response"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("idempotency_keys_scope_key_hash_key").on(t.scope, t.keyHash),
    // Retention: the oldest first.
    index("idempotency_keys_created_at_idx").on(t.createdAt),
    check("idempotency_keys_state_check", sql`${t.state} in ('running', 'done')`),
  ],
);
