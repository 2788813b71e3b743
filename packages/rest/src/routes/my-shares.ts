import {
  listMyShares,
  listMySharesQuerySchema,
  pauseShare,
  removeShare,
  resumeShare,
  updateShare,
  updateShareInputSchema,
} from "@sharelinks/core";
import { list, presentShare } from "../present";
import { defineRoute, type Route } from "../route";
import { shareIdParams, shareListSchema, shareSchema } from "../schemas";

export const myShareRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/v1/shares",
    operationId: "listMyShares",
    summary: "List my shares",
    description:
      "The caller's own shares across resources, newest first (`sort=created`) or most recently viewed first (`sort=last_viewed`, never-opened links last). Paginate with `starting_after` = the last id of the previous page while `has_more` is true.",
    tag: "My shares",
    auth: "api_key",
    query: listMySharesQuerySchema,
    responses: { 200: { description: "A page of the caller's shares.", schema: shareListSchema } },
    async handle({ ctx, actor, query }) {
      const page = await listMyShares(ctx.services.shares, actor, query);
      return {
        status: 200,
        body: list(
          page.items.map((view) => presentShare(view, ctx.publicBaseUrl)),
          page.hasMore,
        ),
      };
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/v1/shares/{share_id}",
    operationId: "updateShare",
    summary: "Change a share's password or view limit",
    description:
      'Owner only. `password` (8-128 characters) sets or replaces the link\'s password, `null` removes it; a change signs every reader out of the page. `max_views` (1-1,000,000) starts a fresh allowance of that many counted views, `null` lifts the limit. At least one field. Expiry stays with `PATCH .../shares/{share_id}` under the resource. When the brand requires passwords, `password: null` is 400 `validation_error` with `details.reason: "password_required_by_policy"`.',
    tag: "My shares",
    auth: "api_key",
    params: shareIdParams,
    body: updateShareInputSchema,
    responses: {
      200: {
        description: "The share, with `has_password`, `max_views`, `views_remaining`.",
        schema: shareSchema,
      },
    },
    errors: ["validation_error", "forbidden", "not_found"],
    async handle({ ctx, actor, params, body }) {
      const view = await updateShare(ctx.services.shares, actor, params.share_id, body);
      return { status: 200, body: presentShare(view, ctx.publicBaseUrl) };
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/v1/shares/{share_id}",
    operationId: "removeShare",
    summary: "Remove one share",
    description:
      "Allowed to the share's owner and to managers of the brand. The report itself is never touched.",
    tag: "My shares",
    auth: "api_key",
    params: shareIdParams,
    responses: { 204: { description: "Removed." } },
    errors: ["forbidden", "not_found"],
    async handle({ ctx, actor, params }) {
      await removeShare(ctx.services.shares, actor, params.share_id);
      return { status: 204 };
    },
  }),
  ...(["pause", "resume"] as const).map((action) =>
    defineRoute({
      method: "POST",
      path: `/v1/shares/{share_id}/${action}`,
      operationId: `${action}Share`,
      summary: action === "pause" ? "Pause a share link" : "Resume a paused share link",
      description:
        action === "pause"
          ? "Allowed to the share's owner and to managers of the brand. While paused, both public routes answer 404 (as if revoked: existence does not leak); the token stays the same and the link keeps its place under the cap. Pausing a paused link changes nothing (200)."
          : "Allowed to the share's owner and to managers of the brand. The link answers again with the same token. Resuming a running link changes nothing (200).",
      tag: "My shares",
      auth: "api_key",
      params: shareIdParams,
      responses: { 200: { description: "The share, with `paused_at`.", schema: shareSchema } },
      errors: ["forbidden", "not_found"],
      async handle({ ctx, actor, params }) {
        const run = action === "pause" ? pauseShare : resumeShare;
        const view = await run(ctx.services.shares, actor, params.share_id);
        return { status: 200, body: presentShare(view, ctx.publicBaseUrl) };
      },
    }),
  ),
];
