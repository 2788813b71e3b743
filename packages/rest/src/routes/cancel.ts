import { cancelShares, cancelSharesInputSchema } from "@sharelinks/core";
import { presentCancelResults } from "../present";
import { defineRoute, type Route } from "../route";
import { cancelResultListSchema } from "../schemas";

export const cancelRoutes: Route[] = [
  defineRoute({
    method: "POST",
    path: "/v1/shares/cancel",
    operationId: "cancelShares",
    summary: "Cancel shares in bulk",
    description:
      "Each id (1 to 100 UUIDs) is judged like removing one share; partial success is normal. One result per distinct id, in request order.",
    tag: "My shares",
    auth: "api_key",
    body: cancelSharesInputSchema,
    responses: { 200: { description: "One result per distinct id.", schema: cancelResultListSchema } },
    async handle({ ctx, actor, body }) {
      const results = await cancelShares(ctx.services.shares, actor, body);
      return { status: 200, body: presentCancelResults(results) };
    },
  }),
];
