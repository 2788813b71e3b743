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
  webhookDeliveryJson,
  webhookEndpointJson,
} from "@sharelinks/core";
import { z } from "zod";
import { list } from "../present";
import { defineRoute, type Route } from "../route";
import {
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
} from "../webhook-schemas";

const tag = "Webhooks";
const MANAGERS =
  "Managers of the brand only (a member gets 403); another brand's endpoint is 404. See docs/webhooks.md for the events, the payload and how to verify signatures.";

const idParam = (description: string) =>
  z
    .uuid()
    .overwrite((value) => value.toLowerCase())
    .meta({ description });
const endpointParams = z.object({ endpoint_id: idParam("Webhook endpoint id (UUID).") });
const deliveryParams = endpointParams.extend({ delivery_id: idParam("Delivery id (UUID).") });

export const webhookEndpointRoutes: Route[] = [
  defineRoute({
    method: "POST",
    path: "/v1/webhook-endpoints",
    operationId: "createWebhookEndpoint",
    summary: "Create a webhook endpoint",
    description: `Events of the brand's shares are POSTed to \`url\`, signed per Standard Webhooks with the \`whsec_…\` secret returned here once. \`url\` must be https and must not resolve to a loopback, private, link-local or metadata address. \`events\` defaults to every type. ${MANAGERS}`,
    tag,
    auth: "api_key",
    body: createWebhookEndpointInputSchema,
    responses: {
      201: {
        description: "The endpoint and its secret (shown once).",
        schema: webhookEndpointWithSecretSchema,
      },
    },
    errors: ["forbidden", "validation_error"],
    async handle({ ctx, actor, body }) {
      const { endpoint, secret } = await createWebhookEndpoint(ctx.services.webhooks, actor, body);
      return { status: 201, body: webhookEndpointJson(endpoint, secret) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/webhook-endpoints",
    operationId: "listWebhookEndpoints",
    summary: "List the brand's webhook endpoints",
    description: `Oldest first; secrets are never shown again. ${MANAGERS}`,
    tag,
    auth: "api_key",
    responses: { 200: { description: "Every endpoint of the brand.", schema: webhookEndpointListSchema } },
    errors: ["forbidden"],
    async handle({ ctx, actor }) {
      const endpoints = await listWebhookEndpoints(ctx.services.webhooks, actor);
      return { status: 200, body: list(endpoints.map((e) => webhookEndpointJson(e))) };
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/v1/webhook-endpoints/{endpoint_id}",
    operationId: "deleteWebhookEndpoint",
    summary: "Delete a webhook endpoint",
    description: `Nothing more is sent to it; its delivery log goes with it. ${MANAGERS}`,
    tag,
    auth: "api_key",
    params: endpointParams,
    responses: { 204: { description: "Deleted." } },
    errors: ["forbidden", "not_found"],
    async handle({ ctx, actor, params }) {
      await deleteWebhookEndpoint(ctx.services.webhooks, actor, params.endpoint_id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/webhook-endpoints/{endpoint_id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    summary: "Rotate an endpoint's signing secret",
    description: `A new \`whsec_…\` secret, shown in this response only; the old one stops at once (attempts from now on are signed with the new one). ${MANAGERS}`,
    tag,
    auth: "api_key",
    params: endpointParams,
    responses: {
      200: { description: "The endpoint and its new secret.", schema: webhookEndpointWithSecretSchema },
    },
    errors: ["forbidden", "not_found"],
    async handle({ ctx, actor, params }) {
      const { endpoint, secret } = await rotateWebhookSecret(
        ctx.services.webhooks,
        actor,
        params.endpoint_id,
      );
      return { status: 200, body: webhookEndpointJson(endpoint, secret) };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/webhook-endpoints/{endpoint_id}/enable",
    operationId: "enableWebhookEndpoint",
    summary: "Enable a disabled endpoint",
    description: `After an automatic disable: events from now on are delivered again; retry failed deliveries one by one. ${MANAGERS}`,
    tag,
    auth: "api_key",
    params: endpointParams,
    responses: { 200: { description: "The endpoint.", schema: webhookEndpointSchema } },
    errors: ["forbidden", "not_found"],
    async handle({ ctx, actor, params }) {
      const endpoint = await enableWebhookEndpoint(ctx.services.webhooks, actor, params.endpoint_id);
      return { status: 200, body: webhookEndpointJson(endpoint) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/webhook-endpoints/{endpoint_id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "An endpoint's delivery log",
    description: `Newest first: status, attempts, the latest response code and duration. Paginate with \`starting_after\` = the last id of the previous page while \`has_more\` is true. ${MANAGERS}`,
    tag,
    auth: "api_key",
    params: endpointParams,
    query: listWebhookDeliveriesQuerySchema,
    responses: { 200: { description: "A page of deliveries.", schema: webhookDeliveryListSchema } },
    errors: ["forbidden", "not_found", "validation_error"],
    async handle({ ctx, actor, params, query }) {
      const page = await listWebhookDeliveries(ctx.services.webhooks, actor, params.endpoint_id, {
        limit: query.limit,
        startingAfter: query.starting_after ?? null,
      });
      return { status: 200, body: list(page.items.map(webhookDeliveryJson), page.hasMore) };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/v1/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/retry",
    operationId: "retryWebhookDelivery",
    summary: "Send a delivery again",
    description: `One more attempt now, with the same \`webhook-id\` (receivers drop repeats by it). 409 while the delivery is already waiting for an attempt, or when the endpoint is disabled. ${MANAGERS}`,
    tag,
    auth: "api_key",
    params: deliveryParams,
    responses: { 202: { description: "Queued.", schema: webhookDeliverySchema } },
    errors: ["forbidden", "not_found", "conflict"],
    async handle({ ctx, actor, params }) {
      const delivery = await retryWebhookDelivery(
        ctx.services.webhooks,
        actor,
        params.endpoint_id,
        params.delivery_id,
      );
      return { status: 202, body: webhookDeliveryJson(delivery) };
    },
  }),
];
