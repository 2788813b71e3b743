import { listMyShares, listMySharesQuerySchema, removeShare } from "@sharelinks/core";
import { list, presentShare } from "../present";
import { defineRoute, type Route } from "../route";
import { shareIdParams, shareListSchema } from "../schemas";

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
];
