import {
  listShareEvents,
  readShareAnalytics,
  shareAnalyticsQuerySchema,
  shareEventItemOf,
  shareEventsQuerySchema,
} from "@sharelinks/core";
import { shareAnalyticsSchema, shareEventListSchema } from "../analytics-schemas";
import { list } from "../present";
import { defineRoute, type Route } from "../route";
import { shareIdParams } from "../schemas";

const VISIBILITY =
  "Any user of the share's brand may read it (every share a brand user can list); another brand's share, or a removed one, is 404.";

export const shareAnalyticsRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/v1/shares/{share_id}/analytics",
    operationId: "readShareAnalytics",
    summary: "View analytics of a share",
    description: `Totals over the share's whole life, plus a daily series and the top referrer hosts over a window (default: the last 30 days, UTC). Views are counted in memory and written at least every second, so a view shows here within about a second. ${VISIBILITY}`,
    tag: "Analytics",
    auth: "api_key",
    params: shareIdParams,
    query: shareAnalyticsQuerySchema,
    responses: { 200: { description: "The share's analytics.", schema: shareAnalyticsSchema } },
    errors: ["not_found", "validation_error"],
    async handle({ ctx, actor, params, query }) {
      const analytics = await readShareAnalytics(ctx.services.analytics, actor, params.share_id, query);
      return { status: 200, body: { object: "share.analytics", ...analytics } };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/shares/{share_id}/events",
    operationId: "listShareEvents",
    summary: "Activity timeline of a share",
    description: `The share's audit events (created, refreshed, rotated, extended, revoked, removed, cancelled, expired) and its first view (\`first_viewed\`, once), newest first. Paginate with \`starting_after\` = the last id of the previous page while \`has_more\` is true. ${VISIBILITY}`,
    tag: "Analytics",
    auth: "api_key",
    params: shareIdParams,
    query: shareEventsQuerySchema,
    responses: { 200: { description: "A page of the share's events.", schema: shareEventListSchema } },
    errors: ["not_found", "validation_error"],
    async handle({ ctx, actor, params, query }) {
      const page = await listShareEvents(ctx.services.analytics, actor, params.share_id, query);
      return { status: 200, body: list(page.items.map(shareEventItemOf), page.hasMore) };
    },
  }),
];
