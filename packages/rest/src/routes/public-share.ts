import { openPublicShare } from "@sharelinks/core";
import { defineRoute, type Route } from "../route";
import { publicShareSchema, tokenParams } from "../schemas";

/**
 * THE hot path: one rate-limit count, one indexed lookup, one serialization.
 * The token is not validated here: a malformed token is an unknown link (404),
 * which core decides before touching the database.
 */
export const publicShareRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/v1/shared/{token}",
    operationId: "readPublicShare",
    summary: "Read a shared snapshot",
    description:
      "No authentication: the token is the credential. Answers 404 for an unknown, revoked or rotated-away token and 410 once the link has expired. Rate-limited per client IP. Each 200 answer to a GET counts as one view of the link (bots and link-preview fetchers are counted apart); HEAD, 404, 410 and 429 answers are not views.",
    tag: "Public",
    auth: "public",
    params: tokenParams,
    validateParams: false,
    responses: {
      200: { description: "Snapshot, effective white label and expiry.", schema: publicShareSchema },
    },
    errors: ["not_found", "gone"],
    async handle({ ctx, params }) {
      const read = await openPublicShare(ctx.services.publicRead, params.token);
      return { status: 200, body: read.payload, viewedShareId: read.shareId };
    },
  }),
];
