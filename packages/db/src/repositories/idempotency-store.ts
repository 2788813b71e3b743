import { randomUUID } from "node:crypto";
import type { IdempotencyClaim, IdempotencyClaimInput, IdempotencyStore } from "@sharelinks/core";
import { and, eq, lt, or } from "drizzle-orm";
import type { Database } from "../client";
import { guarded } from "../pg-errors";
import { idempotencyKeys } from "../schema";

const row = (scope: string, keyHash: string, claimId: string) =>
  and(
    eq(idempotencyKeys.scope, scope),
    eq(idempotencyKeys.keyHash, keyHash),
    eq(idempotencyKeys.claimId, claimId),
  );

/**
 * Keys in PostgreSQL, shared by every instance. A claim is one
 * `INSERT ... ON CONFLICT DO UPDATE ... WHERE`: the unique index on
 * (scope, key_hash) makes a concurrent second claim wait for the first and
 * then find the row taken, so exactly one of them runs the request. The update
 * only replaces a row past its window, or a running row of the same request
 * whose attempt was abandoned.
 */
export class DrizzleIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: Database) {}

  claim(input: IdempotencyClaimInput): Promise<IdempotencyClaim> {
    return guarded(async () => {
      // A row released between our insert and our read is simply claimed on the next pass.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const fresh = {
          state: "running" as const,
          fingerprint: input.fingerprint,
          claimId: input.claimId,
          responseStatus: null,
          response: null,
          createdAt: input.now,
        };
        const claimed = await this.db.orm
          .insert(idempotencyKeys)
          .values({ id: randomUUID(), scope: input.scope, keyHash: input.keyHash, ...fresh })
          .onConflictDoUpdate({
            target: [idempotencyKeys.scope, idempotencyKeys.keyHash],
            set: fresh,
            setWhere: or(
              lt(idempotencyKeys.createdAt, input.expiredBefore),
              and(
                eq(idempotencyKeys.state, "running"),
                eq(idempotencyKeys.fingerprint, input.fingerprint),
                lt(idempotencyKeys.createdAt, input.staleBefore),
              ),
            ),
          })
          .returning({ claimId: idempotencyKeys.claimId });
        if (claimed.length > 0) return { claimed: true };
        const [existing] = await this.db.orm
          .select({
            fingerprint: idempotencyKeys.fingerprint,
            state: idempotencyKeys.state,
            createdAt: idempotencyKeys.createdAt,
            status: idempotencyKeys.responseStatus,
            response: idempotencyKeys.response,
          })
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.scope, input.scope), eq(idempotencyKeys.keyHash, input.keyHash)));
        if (existing) return { claimed: false, existing };
      }
      throw new Error("Idempotency key claim did not settle after 3 attempts");
    });
  }

  complete(scope: string, keyHash: string, claimId: string, status: number, response: string): Promise<void> {
    return guarded(async () => {
      await this.db.orm
        .update(idempotencyKeys)
        .set({ state: "done", responseStatus: status, response })
        .where(row(scope, keyHash, claimId));
    });
  }

  release(scope: string, keyHash: string, claimId: string): Promise<void> {
    return guarded(async () => {
      await this.db.orm.delete(idempotencyKeys).where(row(scope, keyHash, claimId));
    });
  }
}
