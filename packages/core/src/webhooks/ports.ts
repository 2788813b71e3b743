import type { Page } from "../shares/ports";
import type { StoredWebhookEvent } from "./events";
import type { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from "./model";

export interface DeliveryQuery {
  endpointId: string;
  limit: number;
  /** Delivery id of the last item of the previous page. */
  startingAfter: string | null;
}

/** Endpoints and their delivery log. */
export interface WebhookRepository {
  insertEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  countEndpoints(brandId: string): Promise<number>;
  /** Oldest first. */
  listEndpoints(brandId: string): Promise<WebhookEndpoint[]>;
  findEndpoint(endpointId: string): Promise<WebhookEndpoint | null>;
  /** Its deliveries go with it. */
  deleteEndpoint(endpointId: string): Promise<void>;
  updateSecret(endpointId: string, secretCiphertext: string): Promise<void>;
  /** Clears the disable and the failure run. */
  enableEndpoint(endpointId: string): Promise<void>;
  /** Newest first. */
  listDeliveries(query: DeliveryQuery): Promise<Page<WebhookDelivery>>;
  findDelivery(deliveryId: string): Promise<WebhookDelivery | null>;
  /**
   * Marks the delivery pending and queues an attempt now, in one transaction;
   * false when it was pending already (an attempt is on its way).
   */
  requeueDelivery(deliveryId: string, now: Date): Promise<boolean>;
}

/** What one attempt changes, written in one transaction (with the next attempt's job, if any). */
export interface AttemptRecord {
  deliveryId: string;
  endpointId: string;
  at: Date;
  attempts: number;
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date | null;
  responseStatus: number | null;
  durationMs: number | null;
  error: string | null;
  /**
   * success: reset the endpoint's failure run; exhausted: this delivery used
   * every attempt, add one to the run and disable the endpoint once it reaches
   * `disableAfter`; otherwise the endpoint is left alone.
   */
  endpointOutcome: "success" | "exhausted" | "none";
  disableAfter: number;
}

/** The delivery worker's view of the store. */
export interface WebhookDeliveryStore {
  /** The delivery and its endpoint; null when either is gone (deleted since). */
  loadAttempt(deliveryId: string): Promise<{ delivery: WebhookDelivery; endpoint: WebhookEndpoint } | null>;
  recordAttempt(record: AttemptRecord): Promise<void>;
  /** One pending delivery per enabled, subscribed endpoint of the event's brand; repeats add nothing. */
  fanOut(event: StoredWebhookEvent): Promise<number>;
}

/** One signed POST. Implementations refuse forbidden addresses, follow no redirects and time out. */
export interface WebhookRequest {
  url: string;
  /** `whsec_…` plaintext, only in memory for the signing. */
  secret: string;
  messageId: string;
  timestamp: Date;
  body: string;
}

export interface WebhookResponse {
  /** A 2xx answer. */
  ok: boolean;
  status: number | null;
  durationMs: number;
  error: string | null;
}

export interface WebhookSender {
  send(request: WebhookRequest): Promise<WebhookResponse>;
}

/** Host name to addresses, for the create-time check (the sender checks again at every attempt). */
export interface HostResolver {
  resolve(host: string): Promise<string[]>;
}
