import {
  notFound,
  type ResourceRef,
  type Share,
  type ShareEvent,
  type ShareTransaction,
  webhookEventOf,
} from "@sharelinks/core";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { executeRows, type Orm } from "../client";
import { isUuid } from "../ids";
import { reports, scheduledReports, shareEvents, shares } from "../schema";
import { onResource, rowFromEvent, rowFromShare, shareFromRow } from "./share-rows";
import { webhookEventInsert } from "./webhook-outbox";

type PendingWrite = { kind: "insert" | "update" | "delete" | "event"; statement: SQL };

/**
 * The share writes of one use case, all on one drizzle transaction. Every
 * query here must go through `tx`: on PGlite (one connection) a query on the
 * outer database would wait for this very transaction to end.
 *
 * Writes are held back and sent together, as one statement of data-modifying
 * CTEs, when the use case next reads or when it is done (`flush`): a create
 * sends its share, its audit event and its outbox row in one round trip
 * instead of three (issue 15). Nothing reads them back in between, and the
 * statement runs in the same transaction, so what commits is unchanged: a
 * failing write still fails the whole use case. A delete never shares a
 * statement with an insert (the sub-statements of one statement do not see
 * each other, so a replacement could collide with the row it replaces).
 */
export class DrizzleShareTransaction implements ShareTransaction {
  /** Told the type of each event written, for the metrics once the transaction commits. */
  onRecorded: ((type: string) => void) | null = null;
  private pending: PendingWrite[] = [];

  private readonly orm: { orm: Orm };

  constructor(private readonly tx: Orm) {
    this.orm = { orm: tx };
  }

  /** Sends the held-back writes, in order, as one statement. */
  async flush(): Promise<void> {
    const writes = this.pending;
    if (writes.length === 0) return;
    this.pending = [];
    await this.tx.execute(combinedStatement(writes.map((write) => write.statement)));
  }

  private hold(write: PendingWrite): void {
    this.pending.push(write);
  }

  /**
   * `FOR NO KEY UPDATE` on the report or schedule row: writers of the same
   * resource queue here, while the FK checks of unrelated inserts (runs of
   * the schedule, for instance) only need `KEY SHARE` and are not blocked.
   */
  async lockResource(resource: ResourceRef): Promise<void> {
    await this.flush();
    const table = resource.type === "report" ? reports : scheduledReports;
    // A plain statement rather than the query builder: every write runs it.
    const locked = isUuid(resource.id)
      ? await executeRows(
          this.orm,
          sql`select 1 from ${table} where ${table.id} = ${resource.id} for no key update`,
        )
      : [];
    // Deleted since the use case looked it up.
    if (locked.length === 0) throw notFound(resource.type === "report" ? "Report" : "Scheduled report");
  }

  /** Locks the share too, so two removers of one share do not both record its removal. */
  async findById(shareId: string): Promise<Share | null> {
    if (!isUuid(shareId)) return null;
    await this.flush();
    const [row] = await this.tx.select().from(shares).where(eq(shares.id, shareId)).for("update");
    return row ? shareFromRow(row) : null;
  }

  async findOwned(ownerId: string, resource: ResourceRef): Promise<Share | null> {
    await this.flush();
    const [row] = await this.tx
      .select()
      .from(shares)
      .where(and(eq(shares.ownerId, ownerId), onResource(resource)))
      .for("update");
    return row ? shareFromRow(row) : null;
  }

  async countActive(resource: ResourceRef, now: Date): Promise<number> {
    await this.flush();
    const [row] = await executeRows<{ n: number }>(
      this.orm,
      sql`select count(*)::int as n from ${shares} where ${onResource(resource)} and ${shares.expiresAt} >= ${now.toISOString()}`,
    );
    return row?.n ?? 0;
  }

  async insert(share: Share): Promise<void> {
    if (this.pending.some((write) => write.kind === "delete")) await this.flush();
    this.hold({ kind: "insert", statement: this.tx.insert(shares).values(rowFromShare(share)).getSQL() });
  }

  async update(share: Share): Promise<void> {
    this.hold({
      kind: "update",
      statement: this.tx
        .update(shares)
        .set({
          snapshot: share.snapshot,
          whiteLabel: share.whiteLabel,
          expiresAt: share.expiresAt,
          updatedAt: share.updatedAt,
          pausedAt: share.pausedAt,
          passwordHash: share.passwordHash,
          maxViews: share.maxViews,
          viewsUsed: share.viewsUsed,
        })
        .where(eq(shares.id, share.id))
        .getSQL(),
    });
  }

  async delete(shareIds: readonly string[]): Promise<void> {
    const ids = shareIds.filter(isUuid);
    if (ids.length === 0) return;
    if (this.pending.some((write) => write.kind === "insert")) await this.flush();
    this.hold({ kind: "delete", statement: this.tx.delete(shares).where(inArray(shares.id, ids)).getSQL() });
  }

  async recordEvent(event: ShareEvent): Promise<void> {
    this.hold({ kind: "event", statement: this.tx.insert(shareEvents).values(rowFromEvent(event)).getSQL() });
    this.onRecorded?.(event.type);
    // The outbox row commits (or not) with the change itself.
    const webhook = webhookEventOf(event);
    if (webhook) this.hold({ kind: "event", statement: webhookEventInsert(this.tx, [webhook]).getSQL() });
  }
}

/** `with w0 as (a), w1 as (b) c`: every sub-statement runs once, to completion, on one snapshot. */
const combinedStatement = (statements: readonly SQL[]): SQL => {
  const last = statements.at(-1) as SQL;
  if (statements.length === 1) return last;
  const ctes = statements.slice(0, -1).map((statement, i) => sql`${sql.raw(`w${i}`)} as (${statement})`);
  return sql`with ${sql.join(ctes, sql`, `)} ${last}`;
};
