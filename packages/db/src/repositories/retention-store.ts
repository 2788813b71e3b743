import type { RetentionStore } from "@sharelinks/core";
import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type Database, executeRows } from "../client";
import { guarded } from "../pg-errors";
import {
  idempotencyKeys,
  sessions,
  shareEvents,
  shares,
  shareViewVisitors,
  webhookDeliveries,
} from "../schema";

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

  /** A pending delivery is still being retried (or was retried by hand): it stays until it ends. */
  deleteFinishedWebhookDeliveriesBefore(before: Date): Promise<number> {
    return this.deleteAll(
      webhookDeliveries,
      sql`${webhookDeliveries.createdAt}`,
      before,
      sql`and ${webhookDeliveries.status} <> 'pending'`,
    );
  }

  deleteIdempotencyKeysBefore(before: Date): Promise<number> {
    return this.deleteAll(idempotencyKeys, sql`${idempotencyKeys.createdAt}`, before);
  }

  /** The key has no id column: rows are matched by their primary key (share, day, key). */
  deleteVisitorKeysBefore(day: string): Promise<number> {
    return this.drain(async () => {
      const [row] = await executeRows<{ deleted: number }>(
        this.db,
        sql`with doomed as (
              select share_id, day, visitor_key from ${shareViewVisitors} where day < ${day}::date
              order by day limit ${this.batchSize} for update skip locked
            ), gone as (
              delete from ${shareViewVisitors} v using doomed
              where v.share_id = doomed.share_id and v.day = doomed.day and v.visitor_key = doomed.visitor_key
              returning 1
            )
            select count(*)::int as deleted from gone`,
      );
      return row?.deleted ?? 0;
    });
  }

  private deleteAll(table: PgTable, time: SQL, before: Date, also: SQL = sql``): Promise<number> {
    return this.drain(async () => {
      const [row] = await executeRows<{ deleted: number }>(
        this.db,
        sql`with doomed as (
              select id from ${table} where ${time} < ${before.toISOString()} ${also}
              order by ${time} limit ${this.batchSize} for update skip locked
            ), gone as (
              delete from ${table} t using doomed where t.id = doomed.id returning 1
            )
            select count(*)::int as deleted from gone`,
      );
      return row?.deleted ?? 0;
    });
  }

  /** Runs one batch after another until a batch comes back short. */
  private async drain(batch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await guarded(batch);
      total += deleted;
      if (deleted < this.batchSize) return total;
    }
  }
}
