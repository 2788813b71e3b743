import {
  notFound,
  type ResourceRef,
  type Share,
  type ShareEvent,
  type ShareTransaction,
  type ShareWithoutSnapshot,
  storedWebhookEvent,
  webhookEventOf,
} from "@sharelinks/core";
import { isUuid } from "../ids";
import {
  combinedText,
  dateParam,
  jsonParam,
  type RawQuery,
  type RawRow,
  type RawStatement,
} from "../raw-sql";
import {
  BY_ID,
  BY_ID_WITHOUT_SNAPSHOT,
  COUNT_ACTIVE,
  deleteStatement,
  INSERT_EVENT,
  INSERT_OUTBOX,
  INSERT_SHARE,
  LOCK,
  MUTABLE,
  OWNED,
  shareFromRawRow,
  shareWithoutSnapshotFromRawRow,
  type UpdatedShare,
  updateStatement,
} from "./share-statements";

type PendingWrite = {
  kind: "insert" | "update" | "delete" | "event";
  statement: RawStatement;
  params: unknown[];
};

/**
 * The share writes of one use case, all in one transaction
 * (`Database.rawTransaction`: the driver's own, no drizzle transaction object).
 * Every query here must go through the transaction's own connection (`query`):
 * on PGlite (one connection) a query on the outer database would wait for this
 * very transaction to end.
 *
 * Writes are held back and sent together, as one statement of data-modifying
 * CTEs, when the use case next reads or when it is done (`flush`): a create
 * sends its share, its audit event and its outbox row in one round trip
 * instead of three (issue 15). Nothing reads them back in between, and the
 * statement runs in the same transaction, so what commits is unchanged: a
 * failing write still fails the whole use case. A delete never shares a
 * statement with an insert (the sub-statements of one statement do not see
 * each other, so a replacement could collide with the row it replaces).
 *
 * `update` writes only the columns that differ from the row as this
 * transaction read it (locked, so nobody else changed it meanwhile): an
 * extend sends its new expiry, not the snapshot back.
 */
export class DrizzleShareTransaction implements ShareTransaction {
  /** Told the type of each event written, for the metrics once the transaction commits. */
  onRecorded: ((type: string) => void) | null = null;
  private pending: PendingWrite[] = [];
  /** The rows as read (and locked) here, by id: what `update` compares with (no snapshot when read without). */
  private readonly read = new Map<string, UpdatedShare>();
  /** The transaction's own connection (tests reach it through this too). */
  readonly query: RawQuery;

  constructor(query: RawQuery) {
    this.query = query;
  }

  /** Sends the held-back writes, in order, as one statement (at once: before anything sent after it). */
  async flush(): Promise<void> {
    const writes = this.pending;
    if (writes.length === 0) return;
    this.pending = [];
    const statements = writes.map((write) => write.statement);
    const params = writes.length === 1 ? (writes[0] as PendingWrite).params : writes.flatMap((w) => w.params);
    await this.query(combinedText(statements), params);
  }

  /**
   * A statement, after the held-back writes, with no wait in between: they
   * leave in call order, and two calls a use case makes without waiting for
   * each other (the lock, then the read under it) reach the database in that
   * order, in one round trip where the driver pipelines (postgres.js does on
   * the transaction's connection once a statement is prepared there).
   */
  private send(text: string, params: readonly unknown[]): Promise<RawRow[]> {
    const flushed = this.flush();
    const answer = this.query(text, params);
    return Promise.all([flushed, answer]).then(([, rows]) => rows);
  }

  private hold(write: PendingWrite): void {
    this.pending.push(write);
  }

  private remember<S extends ShareWithoutSnapshot>(
    row: RawRow | undefined,
    map: (row: RawRow) => S,
  ): S | null {
    if (!row) return null;
    const share = map(row);
    this.read.set(share.id, { ...share });
    return share;
  }

  /**
   * `FOR NO KEY UPDATE` on the report or schedule row: writers of the same
   * resource queue here, while the FK checks of unrelated inserts (runs of
   * the schedule, for instance) only need `KEY SHARE` and are not blocked.
   */
  async lockResource(resource: ResourceRef): Promise<void> {
    const locked = isUuid(resource.id) ? await this.send(LOCK[resource.type].text, [resource.id]) : [];
    // Deleted since the use case looked it up.
    if (locked.length === 0) throw notFound(resource.type === "report" ? "Report" : "Scheduled report");
  }

  /** Locks the share too, so two removers of one share do not both record its removal. */
  async findById(shareId: string): Promise<Share | null> {
    if (!isUuid(shareId)) return null;
    const [row] = await this.send(BY_ID.text, [shareId]);
    return this.remember(row, shareFromRawRow);
  }

  async findByIdWithoutSnapshot(shareId: string): Promise<ShareWithoutSnapshot | null> {
    if (!isUuid(shareId)) return null;
    const [row] = await this.send(BY_ID_WITHOUT_SNAPSHOT.text, [shareId]);
    return this.remember(row, shareWithoutSnapshotFromRawRow);
  }

  async findOwned(ownerId: string, resource: ResourceRef): Promise<ShareWithoutSnapshot | null> {
    if (!isUuid(ownerId) || !isUuid(resource.id)) return null;
    const [row] = await this.send(OWNED[resource.type].text, [ownerId, resource.id]);
    return this.remember(row, shareWithoutSnapshotFromRawRow);
  }

  async countActive(resource: ResourceRef, now: Date): Promise<number> {
    if (!isUuid(resource.id)) return 0;
    const [row] = await this.send(COUNT_ACTIVE[resource.type].text, [resource.id, now.toISOString()]);
    return (row?.n as number | undefined) ?? 0;
  }

  async insert(share: Share): Promise<void> {
    if (this.pending.some((write) => write.kind === "delete")) await this.flush();
    const isReport = share.resource.type === "report";
    this.hold({
      kind: "insert",
      statement: INSERT_SHARE,
      params: [
        share.id,
        share.brandId,
        share.ownerId,
        share.resource.type,
        isReport ? share.resource.id : null,
        isReport ? null : share.resource.id,
        share.tokenHash,
        share.tokenCiphertext,
        jsonParam(share.snapshot),
        jsonParam(share.whiteLabel),
        dateParam(share.createdAt),
        dateParam(share.updatedAt),
        dateParam(share.expiresAt),
        dateParam(share.pausedAt),
        share.passwordHash,
        share.maxViews,
        share.viewsUsed,
      ],
    });
  }

  async update(share: UpdatedShare): Promise<void> {
    const before = this.read.get(share.id);
    let mask = 0;
    MUTABLE.forEach(({ carried, changed }, i) => {
      // A value the share does not carry (its snapshot, when read without) is left as stored.
      if (carried(share) && (before === undefined || changed(before, share))) mask |= 1 << i;
    });
    // Nothing differs from the locked row: there is nothing to write.
    if (mask === 0) return;
    const params: unknown[] = [share.id];
    MUTABLE.forEach(({ param }, i) => {
      if (mask & (1 << i)) params.push(param(share));
    });
    this.hold({ kind: "update", statement: updateStatement(mask), params });
    this.read.set(share.id, { ...share });
  }

  async delete(shareIds: readonly string[]): Promise<void> {
    const ids = [...new Set(shareIds.filter(isUuid))];
    if (ids.length === 0) return;
    if (this.pending.some((write) => write.kind === "insert")) await this.flush();
    this.hold({ kind: "delete", statement: deleteStatement(ids.length), params: ids });
    for (const id of ids) this.read.delete(id);
  }

  async recordEvent(event: ShareEvent): Promise<void> {
    this.hold({
      kind: "event",
      statement: INSERT_EVENT,
      params: [
        event.id,
        event.shareId,
        event.brandId,
        event.actorId,
        event.type,
        dateParam(event.at),
        event.requestId,
        dateParam(event.oldExpiresAt),
        dateParam(event.newExpiresAt),
        jsonParam(event.metadata),
      ],
    });
    this.onRecorded?.(event.type);
    // The outbox row commits (or not) with the change itself.
    const webhook = webhookEventOf(event);
    if (webhook) {
      const stored = storedWebhookEvent(webhook);
      this.hold({
        kind: "event",
        statement: INSERT_OUTBOX,
        params: [stored.id, stored.brand_id, stored.type, jsonParam(stored.payload)],
      });
    }
  }
}
