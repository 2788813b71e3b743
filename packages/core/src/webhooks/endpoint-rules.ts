import { isIP } from "node:net";
import { z } from "zod";
import { queryInteger } from "../query-integer";
import { isForbiddenAddress, isLoopbackAddress } from "./address";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./events";

export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;
/** Endpoints one brand may have: every event is sent to each, so the fan-out stays bounded. */
export const MAX_WEBHOOK_ENDPOINTS_PER_BRAND = 20;

/**
 * What WEBHOOK_ALLOW_PRIVATE_URLS changes. Off (production): only `https`, and
 * never to a loopback, private, link-local or metadata address. On (dev and
 * tests only): plain `http` too, to loopback only, and loopback is allowed.
 */
export interface WebhookUrlPolicy {
  allowPrivate: boolean;
}

/** Why a URL is refused, in words a caller can act on; null when it is acceptable. */
export const webhookUrlProblem = (raw: string, policy: WebhookUrlPolicy): string | null => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Must be an absolute URL";
  }
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return `Must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  if (url.username || url.password) return "Must not contain credentials";
  if (url.hash) return "Must not contain a fragment";
  const host = hostOf(url);
  if (url.protocol === "http:") {
    if (!policy.allowPrivate) return "Must use https";
    return isLoopbackHost(host) ? null : "Plain http is allowed to loopback only";
  }
  if (url.protocol !== "https:") return "Must use https";
  if (isIP(host) !== 0) {
    if (policy.allowPrivate && isLoopbackAddress(host)) return null;
    if (isForbiddenAddress(host))
      return "Must not point at a loopback, private, link-local or metadata address";
  }
  if (host === "localhost" || host.endsWith(".localhost"))
    return policy.allowPrivate ? null : "Must not point at a loopback address";
  return null;
};

/** The URL's host without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

const isLoopbackHost = (host: string) =>
  host === "localhost" || host.endsWith(".localhost") || isLoopbackAddress(host);

export const webhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .meta({
    description: `Event types to receive; all of them when omitted: ${WEBHOOK_EVENT_TYPES.join(", ")}.`,
  });

export const createWebhookEndpointInputSchema = z
  .strictObject({
    url: z.string().min(1).max(MAX_WEBHOOK_URL_LENGTH).meta({
      description:
        "Where events are POSTed. `https` only, and it must not resolve to a loopback, private, link-local or metadata address.",
    }),
    events: webhookEventsSchema.optional(),
    description: z.string().trim().max(MAX_WEBHOOK_DESCRIPTION_LENGTH).nullable().optional(),
  })
  .meta({ id: "CreateWebhookEndpointRequest" });
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointInputSchema>;

/** Duplicates dropped, catalog order kept; every type when none is given. */
export const normalizeEvents = (events: readonly WebhookEventType[] | undefined): WebhookEventType[] =>
  events === undefined ? [...WEBHOOK_EVENT_TYPES] : WEBHOOK_EVENT_TYPES.filter((t) => events.includes(t));

/** Whether an endpoint subscribed to `events` gets an event of `type`. */
export const subscribes = (events: readonly string[], type: WebhookEventType) => events.includes(type);

export const WEBHOOK_DELIVERIES_MAX_LIMIT = 100;
export const listWebhookDeliveriesQuerySchema = z.strictObject({
  limit: queryInteger({ min: 1, max: WEBHOOK_DELIVERIES_MAX_LIMIT, fallback: 20 }),
  starting_after: z
    .uuid()
    .optional()
    .meta({ description: "Delivery id of the last item of the previous page." }),
});
export type ListWebhookDeliveriesQuery = z.infer<typeof listWebhookDeliveriesQuerySchema>;
