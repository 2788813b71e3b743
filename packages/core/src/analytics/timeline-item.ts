import type { TimelineEvent } from "./ports";

/**
 * One timeline entry as both adapters serve it (REST's
 * `GET /v1/shares/{share_id}/events` and tRPC's event list): the same names,
 * so the shape is decided once.
 */
export interface ShareEventItem {
  id: string;
  type: string;
  at: string;
  actor: { id: string; name: string } | null;
  request_id: string | null;
  old_expires_at: string | null;
  new_expires_at: string | null;
}

export const shareEventItemOf = (event: TimelineEvent): ShareEventItem => ({
  id: event.id,
  type: event.type,
  at: event.at.toISOString(),
  actor: event.actor,
  request_id: event.requestId,
  old_expires_at: event.oldExpiresAt?.toISOString() ?? null,
  new_expires_at: event.newExpiresAt?.toISOString() ?? null,
});
