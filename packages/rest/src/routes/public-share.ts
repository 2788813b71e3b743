import { readPublicShare } from "@sharelinks/core";
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
      "No authentication: the token is the credential. Answers 404 for an unknown, revoked or rotated-away token and 410 once the link has expired. Rate-limited per client IP.",
    tag: "Public",
    auth: "public",
    params: tokenParams,
    validateParams: false,
    responses: {
      200: { description: "Snapshot, effective white label and expiry.", schema: publicShareSchema },
    },
    errors: ["not_found", "gone"],
    async handle({ ctx, params }) {
      return { status: 200, body: await readPublicShare(ctx.services.publicRead, params.token) };
    },
  }),
];
