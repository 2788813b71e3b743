import type { Actor } from "../actor";
import type { Page } from "../shares/ports";
import { findVisibleShare } from "../shares/rules";
import type { TimelineEvent } from "./ports";
import type { AnalyticsDeps } from "./read-share-analytics";
import type { ShareEventsQuery } from "./schemas";

/**
 * GET /v1/shares/{share_id}/events: the share's audit trail plus its
 * `first_viewed` moment, newest first. Same visibility as the analytics.
 */
export const listShareEvents = async (
  deps: AnalyticsDeps,
  actor: Actor,
  shareId: string,
  query: ShareEventsQuery,
): Promise<Page<TimelineEvent>> => {
  const share = await findVisibleShare(deps, actor, shareId);
  return deps.analytics.listShareEvents({
    shareId: share.id,
    limit: query.limit,
    startingAfter: query.starting_after ?? null,
  });
};
