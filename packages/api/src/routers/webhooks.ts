import {
  createWebhookEndpoint,
  createWebhookEndpointInputSchema,
  deleteWebhookEndpoint,
  enableWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookDeliveriesQuerySchema,
  listWebhookEndpoints,
  retryWebhookDelivery,
  rotateWebhookSecret,
  type WebhookDeliveryJson,
  type WebhookEndpointJson,
  webhookDeliveryJson,
  webhookEndpointJson,
} from "@sharelinks/core";
import { z } from "zod";
import { uuidSchema } from "../schemas";
import { authedProcedure } from "../trpc";

const endpointInput = z.strictObject({ endpoint_id: uuidSchema });
// useInfiniteQuery sends the cursor plus `direction: "forward"`: a strict input must accept it.
const deliveriesInput = listWebhookDeliveriesQuerySchema.omit({ starting_after: true }).extend({
  endpoint_id: uuidSchema,
  cursor: uuidSchema.nullish(),
  direction: z.literal("forward").optional(),
});

export interface WebhookDeliveriesOutput {
  items: WebhookDeliveryJson[];
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * The dashboard's webhook settings: the same use cases and objects as
 * `/v1/webhook-endpoints` (managers only; members get FORBIDDEN).
 */
export const webhooksRouter = {
  createWebhookEndpoint: authedProcedure
    .input(createWebhookEndpointInputSchema)
    .mutation(async ({ ctx, input }): Promise<WebhookEndpointJson> => {
      const { endpoint, secret } = await createWebhookEndpoint(ctx.services.webhooks, ctx.actor, input);
      return webhookEndpointJson(endpoint, secret);
    }),

  listWebhookEndpoints: authedProcedure.query(
    async ({ ctx }): Promise<{ items: WebhookEndpointJson[] }> => ({
      items: (await listWebhookEndpoints(ctx.services.webhooks, ctx.actor)).map((e) =>
        webhookEndpointJson(e),
      ),
    }),
  ),

  deleteWebhookEndpoint: authedProcedure.input(endpointInput).mutation(async ({ ctx, input }) => {
    await deleteWebhookEndpoint(ctx.services.webhooks, ctx.actor, input.endpoint_id);
    return { deleted: true as const };
  }),

  rotateWebhookSecret: authedProcedure
    .input(endpointInput)
    .mutation(async ({ ctx, input }): Promise<WebhookEndpointJson> => {
      const { endpoint, secret } = await rotateWebhookSecret(
        ctx.services.webhooks,
        ctx.actor,
        input.endpoint_id,
      );
      return webhookEndpointJson(endpoint, secret);
    }),

  enableWebhookEndpoint: authedProcedure
    .input(endpointInput)
    .mutation(
      async ({ ctx, input }): Promise<WebhookEndpointJson> =>
        webhookEndpointJson(await enableWebhookEndpoint(ctx.services.webhooks, ctx.actor, input.endpoint_id)),
    ),

  listWebhookDeliveries: authedProcedure
    .input(deliveriesInput)
    .query(async ({ ctx, input }): Promise<WebhookDeliveriesOutput> => {
      const page = await listWebhookDeliveries(ctx.services.webhooks, ctx.actor, input.endpoint_id, {
        limit: input.limit,
        startingAfter: input.cursor ?? null,
      });
      const items = page.items.map(webhookDeliveryJson);
      return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
    }),

  retryWebhookDelivery: authedProcedure
    .input(endpointInput.extend({ delivery_id: uuidSchema }))
    .mutation(
      async ({ ctx, input }): Promise<WebhookDeliveryJson> =>
        webhookDeliveryJson(
          await retryWebhookDelivery(ctx.services.webhooks, ctx.actor, input.endpoint_id, input.delivery_id),
        ),
    ),
};
