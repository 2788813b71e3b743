import { openPublicShare } from "@sharelinks/core";
import { z } from "zod";
import { defineRoute, type Route } from "../route";
import { publicSharePreviewSchema, publicShareSchema, tokenParams } from "../schemas";

const headerText = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * THE hot path: one rate-limit count, one indexed lookup, one serialization.
 * The token is not validated here: a malformed token is an unknown link (404),
 * which core decides before touching the database. Protection costs only the
 * links that use it (docs/protection.md).
 */
export const publicShareRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/v1/shared/{token}",
    operationId: "readPublicShare",
    summary: "Read a shared snapshot",
    description:
      'No authentication: the token is the credential. Answers 404 for an unknown, revoked, rotated-away or paused token and 410 once the link has expired (`details.reason: "view_limit_reached"` once its view limit is used up). ' +
      'A link with a password needs the `X-Share-Password` header: without it 401 `unauthorized` with `details.reason: "password_required"`, wrong 401 `"password_invalid"`; wrong guesses are throttled per client IP and per link (429 with `Retry-After`). ' +
      "Rate-limited per client IP. Each 200 answer to a GET counts as one view of the link (bots and link-preview fetchers are counted apart, and get the title and branding only, without `snapshot`, using no view); HEAD, 401, 404, 410 and 429 answers are not views.",
    tag: "Public",
    auth: "public",
    params: tokenParams,
    validateParams: false,
    responses: {
      200: {
        description:
          "Snapshot, effective white label and expiry; for a bot or link-preview fetcher, the same without the snapshot.",
        schema: z.union([publicShareSchema, publicSharePreviewSchema]),
      },
    },
    errors: ["unauthorized", "not_found", "gone", "rate_limit_exceeded"],
    async handle({ ctx, params, request }) {
      const password = headerText(request.headers["x-share-password"]);
      const read = await openPublicShare(ctx.services.publicRead, params.token, {
        ...(password !== undefined && { password }),
        guard: ctx.protection.guardFor(request.clientIp),
        isBot: ctx.protection.isBot(headerText(request.headers["user-agent"]) ?? ""),
      });
      return { status: 200, body: read.payload, viewedShareId: read.shareId };
    },
  }),
];
