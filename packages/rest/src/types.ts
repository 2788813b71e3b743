import type {
  AccountDeps,
  AnalyticsDeps,
  IdempotencyDeps,
  ProvisioningDeps,
  PublicReadDeps,
  ShareDeps,
  WebhookDeps,
} from "@sharelinks/core";
import type { RequestHeaders } from "@sharelinks/edge";

export type RestHeaders = RequestHeaders;

/** The transport-neutral request the adapter works on. */
export interface RestRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path only, no query string, not decoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: RestHeaders;
  /** The caller's address as the transport (or the server's front door) determined it. */
  readonly clientIp: string;
  /** The request id the transport assigned; a fresh one is made when absent. */
  readonly requestId?: string;
  /**
   * Reads the whole body as UTF-8. Rejects with `BodyTooLargeError` once more than
   * `limitBytes` arrive. Called at most once, and only by routes that take a body.
   */
  readBody(limitBytes: number): Promise<string>;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialized JSON, or null for an empty body (204, HEAD). */
  body: string | null;
  /** The matched route's template (`/v1/shared/{token}`), null when no route matched: for logs and metrics. */
  route: string | null;
  /** The request id the response carries (`X-Correlation-ID`). */
  requestId: string;
  /** Set on a successful public read: which share was read (for view counting, never sent). */
  viewedShareId: string | null;
}

/**
 * What the adapter needs from `@sharelinks/db`'s `Services`, written structurally
 * so this package depends only on core's types; `Services` satisfies it.
 */
export interface RestServices {
  db: {
    ping(): Promise<unknown>;
    /** True while database work waits past the client-side deadline: `/healthz` fails. */
    wedged?(): boolean;
  };
  shares: ShareDeps;
  accounts: AccountDeps;
  provisioning: ProvisioningDeps;
  publicRead: PublicReadDeps;
  analytics: AnalyticsDeps;
  webhooks: WebhookDeps;
  /** `Idempotency-Key` of every /v1 write: where keys and their first answers are kept. */
  idempotency: IdempotencyDeps;
}
