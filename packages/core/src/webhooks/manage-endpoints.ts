import { isIP } from "node:net";
import type { Actor } from "../actor";
import { canManageShares } from "../actor";
import { bodyValidationError, conflict, forbidden, notFound, validationError } from "../errors";
import type { Page } from "../shares/ports";
import { isForbiddenAddress, isLoopbackAddress } from "./address";
import type { WebhookDeps } from "./deps";
import {
  type CreateWebhookEndpointInput,
  hostOf,
  MAX_WEBHOOK_ENDPOINTS_PER_BRAND,
  normalizeEvents,
  webhookUrlProblem,
} from "./endpoint-rules";
import type { WebhookDelivery, WebhookEndpoint } from "./model";
import { generateWebhookSecret } from "./secret";

/** Webhooks are the brand's integration settings: managers only (members get 403). */
const assertManager = (actor: Actor) => {
  if (!canManageShares(actor)) throw forbidden("Only a manager of the brand can manage webhook endpoints");
};

/** Another brand's endpoint is simply not found. */
const findOwnEndpoint = async (deps: WebhookDeps, actor: Actor, endpointId: string) => {
  assertManager(actor);
  const endpoint = await deps.webhooks.findEndpoint(endpointId);
  if (!endpoint || endpoint.brandId !== actor.brandId) throw notFound("Webhook endpoint");
  return endpoint;
};

const urlRefused = (message: string) => bodyValidationError([{ path: "url", message }]);

/** The resolved addresses must all be public (loopback too when private URLs are allowed). */
const assertResolvesPublic = async (deps: WebhookDeps, url: string) => {
  const host = hostOf(new URL(url));
  if (!deps.resolver || isIP(host) !== 0) return;
  let addresses: string[];
  try {
    addresses = await deps.resolver.resolve(host);
  } catch {
    throw urlRefused(`The host ${host} does not resolve`);
  }
  const allowed = (a: string) =>
    !isForbiddenAddress(a) || (deps.urlPolicy.allowPrivate && isLoopbackAddress(a));
  if (addresses.length === 0 || !addresses.every(allowed))
    throw urlRefused("Must not resolve to a loopback, private, link-local or metadata address");
};

export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpoint;
  /** `whsec_…`: shown this once; the database keeps it encrypted. */
  secret: string;
}

export const createWebhookEndpoint = async (
  deps: WebhookDeps,
  actor: Actor,
  input: CreateWebhookEndpointInput,
): Promise<CreatedWebhookEndpoint> => {
  assertManager(actor);
  const problem = webhookUrlProblem(input.url, deps.urlPolicy);
  if (problem) throw urlRefused(problem);
  await assertResolvesPublic(deps, input.url);
  if ((await deps.webhooks.countEndpoints(actor.brandId)) >= MAX_WEBHOOK_ENDPOINTS_PER_BRAND) {
    throw validationError(`A brand can have at most ${MAX_WEBHOOK_ENDPOINTS_PER_BRAND} webhook endpoints`, {
      reason: "webhook_endpoint_limit_reached",
      limit: MAX_WEBHOOK_ENDPOINTS_PER_BRAND,
    });
  }
  const secret = generateWebhookSecret(deps.random);
  const endpoint: WebhookEndpoint = {
    id: deps.random.uuid(),
    brandId: actor.brandId,
    url: input.url,
    events: normalizeEvents(input.events),
    description: input.description ? input.description : null,
    secretCiphertext: deps.secretCipher.encrypt(secret),
    createdBy: actor.userId,
    createdAt: deps.clock.now(),
    disabledAt: null,
    disabledReason: null,
    failedDeliveriesInRow: 0,
  };
  await deps.webhooks.insertEndpoint(endpoint);
  return { endpoint, secret };
};

export const listWebhookEndpoints = async (deps: WebhookDeps, actor: Actor): Promise<WebhookEndpoint[]> => {
  assertManager(actor);
  return deps.webhooks.listEndpoints(actor.brandId);
};

export const deleteWebhookEndpoint = async (deps: WebhookDeps, actor: Actor, endpointId: string) => {
  const endpoint = await findOwnEndpoint(deps, actor, endpointId);
  await deps.webhooks.deleteEndpoint(endpoint.id);
};

/** A new secret at once; the old one stops working (deliveries in flight are signed with the new one). */
export const rotateWebhookSecret = async (
  deps: WebhookDeps,
  actor: Actor,
  endpointId: string,
): Promise<CreatedWebhookEndpoint> => {
  const endpoint = await findOwnEndpoint(deps, actor, endpointId);
  const secret = generateWebhookSecret(deps.random);
  const secretCiphertext = deps.secretCipher.encrypt(secret);
  await deps.webhooks.updateSecret(endpoint.id, secretCiphertext);
  return { endpoint: { ...endpoint, secretCiphertext }, secret };
};

/** Turns a disabled endpoint back on; events from now on are delivered (failed ones can be retried). */
export const enableWebhookEndpoint = async (
  deps: WebhookDeps,
  actor: Actor,
  endpointId: string,
): Promise<WebhookEndpoint> => {
  const endpoint = await findOwnEndpoint(deps, actor, endpointId);
  await deps.webhooks.enableEndpoint(endpoint.id);
  return { ...endpoint, disabledAt: null, disabledReason: null, failedDeliveriesInRow: 0 };
};

export const listWebhookDeliveries = async (
  deps: WebhookDeps,
  actor: Actor,
  endpointId: string,
  page: { limit: number; startingAfter: string | null },
): Promise<Page<WebhookDelivery>> => {
  const endpoint = await findOwnEndpoint(deps, actor, endpointId);
  return deps.webhooks.listDeliveries({ endpointId: endpoint.id, ...page });
};

/** Sends the delivery again now (same `webhook-id`): one more attempt. 409 while an attempt is pending. */
export const retryWebhookDelivery = async (
  deps: WebhookDeps,
  actor: Actor,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDelivery> => {
  const endpoint = await findOwnEndpoint(deps, actor, endpointId);
  const delivery = await deps.webhooks.findDelivery(deliveryId);
  if (!delivery || delivery.endpointId !== endpoint.id) throw notFound("Webhook delivery");
  if (endpoint.disabledAt) throw conflict("The endpoint is disabled: enable it first");
  const now = deps.clock.now();
  if (!(await deps.webhooks.requeueDelivery(delivery.id, now)))
    throw conflict("This delivery is already waiting for its next attempt");
  return { ...delivery, status: "pending", nextAttemptAt: now };
};
