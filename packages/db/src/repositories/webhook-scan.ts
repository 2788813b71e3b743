import { randomUUID } from "node:crypto";
import type { WebhookEventType } from "@sharelinks/core";
import { and, asc, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { type Database, executeRows, type Orm } from "../client";
import { shareEvents, shareExpiryNotices, shares } from "../schema";
import { resourceOfRow } from "./share-rows";
import type { FirstViewListener } from "./view-sink";
import { writeWebhookEvent, writeWebhookEvents } from "./webhook-outbox";

const shareFacts = {
  id: shares.id,
  brandId: shares.brandId,
  ownerId: shares.ownerId,
  resourceType: shares.resourceType,
  reportId: shares.reportId,
  scheduledReportId: shares.scheduledReportId,
  expiresAt: shares.expiresAt,
};

/**
 * The brands among these shares' that have an enabled endpoint subscribed to
 * `type`. An event no endpoint wants is not written: the relay would only
 * delete it. (An endpoint added or re-enabled later receives later events.)
 */
const brandsListeningTo = async (
  tx: Orm,
  shares: readonly { brandId: string }[],
  type: WebhookEventType,
): Promise<Set<string>> => {
  const brandIds = JSON.stringify([...new Set(shares.map((share) => share.brandId))]);
  const rows = await executeRows<{ brand_id: string }>(
    { orm: tx },
    sql`select distinct brand_id from webhook_endpoints
        where disabled_at is null and events @> jsonb_build_array(${type}::text)
          and brand_id in (select value::uuid from json_array_elements_text(${brandIds}::json))`,
  );
  return new Set(rows.map((row) => row.brand_id));
};

/** The view flush's hook: `share.first_viewed` goes to the outbox in the flush's transaction. */
export const firstViewWebhook: FirstViewListener = async (tx, viewed) => {
  if (viewed.length === 0) return;
  // Most first views belong to brands with no endpoint for them: one small query, no outbox rows.
  const listening = await brandsListeningTo(tx, viewed, "share.first_viewed");
  const wanted = viewed.filter((share) => listening.has(share.brandId));
  if (wanted.length === 0) return;
  const rows = await tx
    .select(shareFacts)
    .from(shares)
    .where(
      inArray(
        shares.id,
        wanted.map((share) => share.id),
      ),
    );
  const at = new Map(viewed.map((share) => [share.id, share.at]));
  await writeWebhookEvents(
    tx,
    rows.map((row) => ({
      id: randomUUID(),
      type: "share.first_viewed" as const,
      at: at.get(row.id) as Date,
      actorId: null,
      share: {
        shareId: row.id,
        brandId: row.brandId,
        ownerId: row.ownerId,
        resource: resourceOfRow(row),
        expiresAt: row.expiresAt,
      },
    })),
  );
};

/** How far back the scan looks: an expiry older than this (a long outage, a first deploy) is not announced. */
export const EXPIRY_SCAN_LOOKBACK_MS = 7 * 24 * 3_600_000;
export const EXPIRY_SCAN_BATCH = 500;

/**
 * One batch of the expiry scan: shares past `expires_at` (within the
 * lookback) whose expiry was not reported yet get their `expired` audit event
 * and `share.expired` webhook, once per `expires_at` (an extend re-arms it).
 * `SKIP LOCKED` keeps a share being written (and a second scanner) out of the
 * batch. Returns how many it reported.
 */
export const scanExpiredShares = async (
  db: Database,
  now: Date,
  batch = EXPIRY_SCAN_BATCH,
): Promise<number> =>
  db.orm.transaction(async (tx: Orm) => {
    const rows = await tx
      .select(shareFacts)
      .from(shares)
      .leftJoin(shareExpiryNotices, eq(shareExpiryNotices.shareId, shares.id))
      .where(
        and(
          lt(shares.expiresAt, now),
          gt(shares.expiresAt, new Date(now.getTime() - EXPIRY_SCAN_LOOKBACK_MS)),
          or(isNull(shareExpiryNotices.shareId), ne(shareExpiryNotices.expiresAt, shares.expiresAt)),
        ),
      )
      .orderBy(asc(shares.expiresAt))
      .limit(batch)
      .for("update", { of: shares, skipLocked: true });
    for (const row of rows) {
      const id = randomUUID();
      await tx.insert(shareEvents).values({
        id,
        shareId: row.id,
        brandId: row.brandId,
        actorId: null,
        type: "expired",
        at: row.expiresAt,
        oldExpiresAt: row.expiresAt,
      });
      await tx
        .insert(shareExpiryNotices)
        .values({ shareId: row.id, expiresAt: row.expiresAt, notifiedAt: now })
        .onConflictDoUpdate({
          target: shareExpiryNotices.shareId,
          set: { expiresAt: sql`excluded.expires_at`, notifiedAt: sql`excluded.notified_at` },
        });
      await writeWebhookEvent(tx, {
        id,
        type: "share.expired",
        at: row.expiresAt,
        actorId: null,
        share: {
          shareId: row.id,
          brandId: row.brandId,
          ownerId: row.ownerId,
          resource: resourceOfRow(row),
          expiresAt: row.expiresAt,
        },
      });
    }
    return rows.length;
  });
