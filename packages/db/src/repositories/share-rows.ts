import type { ResourceRef, Share, ShareEvent } from "@sharelinks/core";
import { eq } from "drizzle-orm";
import { type shareEvents, shares } from "../schema";

/** Translation between the domain's Share and the shares row. */

export type ShareRow = typeof shares.$inferSelect;

/** The resource a shares row points at: exactly one of its two resource columns is set (a check constraint). */
export const resourceOfRow = (
  row: Pick<ShareRow, "resourceType" | "reportId" | "scheduledReportId">,
): ResourceRef =>
  row.resourceType === "report"
    ? { type: "report", id: row.reportId as string }
    : { type: "scheduled", id: row.scheduledReportId as string };

export const shareFromRow = (row: ShareRow): Share => ({
  id: row.id,
  brandId: row.brandId,
  ownerId: row.ownerId,
  resource: resourceOfRow(row),
  tokenHash: row.tokenHash,
  tokenCiphertext: row.tokenCiphertext,
  snapshot: row.snapshot,
  whiteLabel: row.whiteLabel,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  expiresAt: row.expiresAt,
  pausedAt: row.pausedAt,
  passwordHash: row.passwordHash,
  maxViews: row.maxViews,
  viewsUsed: row.viewsUsed,
});

export const rowFromShare = (share: Share): typeof shares.$inferInsert => ({
  id: share.id,
  brandId: share.brandId,
  ownerId: share.ownerId,
  resourceType: share.resource.type,
  reportId: share.resource.type === "report" ? share.resource.id : null,
  scheduledReportId: share.resource.type === "scheduled" ? share.resource.id : null,
  tokenHash: share.tokenHash,
  tokenCiphertext: share.tokenCiphertext,
  snapshot: share.snapshot,
  whiteLabel: share.whiteLabel,
  createdAt: share.createdAt,
  updatedAt: share.updatedAt,
  expiresAt: share.expiresAt,
  pausedAt: share.pausedAt,
  passwordHash: share.passwordHash,
  maxViews: share.maxViews,
  viewsUsed: share.viewsUsed,
});

/** `subject` is for the event's webhook only: the audit row keeps ids and dates. */
export const rowFromEvent = ({
  subject: _subject,
  ...event
}: ShareEvent): typeof shareEvents.$inferInsert => ({
  ...event,
});

/** The column a resource's shares hang off, as a filter. */
export const onResource = (resource: ResourceRef) =>
  resource.type === "report" ? eq(shares.reportId, resource.id) : eq(shares.scheduledReportId, resource.id);
