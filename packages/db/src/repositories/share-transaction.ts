import {
  notFound,
  type ResourceRef,
  type Share,
  type ShareEvent,
  type ShareTransaction,
  webhookEventOf,
} from "@sharelinks/core";
import { and, eq, gte, inArray } from "drizzle-orm";
import type { Orm } from "../client";
import { isUuid } from "../ids";
import { reports, scheduledReports, shareEvents, shares } from "../schema";
import { onResource, rowFromEvent, rowFromShare, shareFromRow } from "./share-rows";
import { writeWebhookEvent } from "./webhook-outbox";

/**
 * The share writes of one use case, all on one drizzle transaction. Every
 * query here must go through `tx`: on PGlite (one connection) a query on the
 * outer database would wait for this very transaction to end.
 */
export class DrizzleShareTransaction implements ShareTransaction {
  /** Told the type of each event written, for the metrics once the transaction commits. */
  onRecorded: ((type: string) => void) | null = null;

  constructor(private readonly tx: Orm) {}

  /**
   * `FOR NO KEY UPDATE` on the report or schedule row: writers of the same
   * resource queue here, while the FK checks of unrelated inserts (runs of
   * the schedule, for instance) only need `KEY SHARE` and are not blocked.
   */
  async lockResource(resource: ResourceRef): Promise<void> {
    const table = resource.type === "report" ? reports : scheduledReports;
    const locked = isUuid(resource.id)
      ? await this.tx
          .select({ id: table.id })
          .from(table)
          .where(eq(table.id, resource.id))
          .for("no key update")
      : [];
    // Deleted since the use case looked it up.
    if (locked.length === 0) throw notFound(resource.type === "report" ? "Report" : "Scheduled report");
  }

  /** Locks the share too, so two removers of one share do not both record its removal. */
  async findById(shareId: string): Promise<Share | null> {
    if (!isUuid(shareId)) return null;
    const [row] = await this.tx.select().from(shares).where(eq(shares.id, shareId)).for("update");
    return row ? shareFromRow(row) : null;
  }

  async findOwned(ownerId: string, resource: ResourceRef): Promise<Share | null> {
    const [row] = await this.tx
      .select()
      .from(shares)
      .where(and(eq(shares.ownerId, ownerId), onResource(resource)))
      .for("update");
    return row ? shareFromRow(row) : null;
  }

  countActive(resource: ResourceRef, now: Date): Promise<number> {
    return this.tx.$count(shares, and(onResource(resource), gte(shares.expiresAt, now)));
  }

  async insert(share: Share): Promise<void> {
    await this.tx.insert(shares).values(rowFromShare(share));
  }

  async update(share: Share): Promise<void> {
    await this.tx
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
      .where(eq(shares.id, share.id));
  }

  async delete(shareIds: readonly string[]): Promise<void> {
    const ids = shareIds.filter(isUuid);
    if (ids.length > 0) await this.tx.delete(shares).where(inArray(shares.id, ids));
  }

  async recordEvent(event: ShareEvent): Promise<void> {
    await this.tx.insert(shareEvents).values(rowFromEvent(event));
    this.onRecorded?.(event.type);
    // The outbox row commits (or not) with the change itself.
    const webhook = webhookEventOf(event);
    if (webhook) await writeWebhookEvent(this.tx, webhook);
  }
}
