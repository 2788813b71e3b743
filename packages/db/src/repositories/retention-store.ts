import type { RetentionStore } from "@sharelinks/core";
import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type Database, executeRows } from "../client";
import { guarded } from "../pg-errors";
import { sessions, shareEvents, shares } from "../schema";

/** Rows per statement: each batch is its own short transaction, so no lock is held for long. */
export const RETENTION_BATCH_SIZE = 1_000;

/**
 * Deletes in batches of the oldest rows first (the index on the time column
 * finds them), skipping rows another instance is deleting right now: two
 * instances running retention together split the work and count each row once.
 */
export class DrizzleRetentionStore implements RetentionStore {
  constructor(
    private readonly db: Database,
    private readonly batchSize = RETENTION_BATCH_SIZE,
  ) {}

  deleteSessionsExpiredBefore(before: Date): Promise<number> {
    return this.deleteAll(sessions, sql`${sessions.expiresAt}`, before);
  }

  /** share_events has no foreign key to shares: the audit trail outlives the share. */
  deleteSharesExpiredBefore(before: Date): Promise<number> {
    return this.deleteAll(shares, sql`${shares.expiresAt}`, before);
  }

  deleteAuditEventsBefore(before: Date): Promise<number> {
    return this.deleteAll(shareEvents, sql`${shareEvents.at}`, before);
  }

  private async deleteAll(table: PgTable, time: SQL, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.deleteBatch(table, time, before);
      total += deleted;
      if (deleted < this.batchSize) return total;
    }
  }

  private deleteBatch(table: PgTable, time: SQL, before: Date): Promise<number> {
    return guarded(async () => {
      const [row] = await executeRows<{ deleted: number }>(
        this.db,
        sql`with doomed as (
              select id from ${table} where ${time} < ${before.toISOString()}
              order by ${time} limit ${this.batchSize} for update skip locked
            ), gone as (
              delete from ${table} t using doomed where t.id = doomed.id returning 1
            )
            select count(*)::int as deleted from gone`,
      );
      return row?.deleted ?? 0;
    });
  }
}
