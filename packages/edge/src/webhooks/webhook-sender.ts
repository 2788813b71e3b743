import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import {
  hostOf,
  isForbiddenAddress,
  isLoopbackAddress,
  type WebhookRequest,
  type WebhookResponse,
  type WebhookSender,
  type WebhookUrlPolicy,
  webhookUrlProblem,
} from "@sharelinks/core";
import { Webhook } from "standardwebhooks";

/** The whole attempt (DNS, connect, TLS, request, response) ends by then. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Bytes of a receiver's answer read at most; the rest is dropped (only the status matters). */
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookSenderOptions {
  policy: WebhookUrlPolicy;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Host name to addresses (tests); default: the system resolver, every address. */
  resolve?: (host: string) => Promise<string[]>;
}

const systemResolve = async (host: string) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

class Refused extends Error {}

/**
 * Signs per Standard Webhooks (the `standardwebhooks` package: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature`) and POSTs once. Before connecting
 * it resolves the host and refuses when any address is loopback, private,
 * link-local or a metadata address (loopback is allowed under
 * WEBHOOK_ALLOW_PRIVATE_URLS), then connects to the address it checked (no
 * second lookup a DNS rebinding could change). Redirects are not followed (a
 * 3xx is a failed attempt), the attempt ends after 10 s, and at most 64 KB of
 * the answer is read. Never throws: the outcome says what happened.
 */
export const createWebhookSender = (options: WebhookSenderOptions): WebhookSender => {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? WEBHOOK_MAX_RESPONSE_BYTES;
  const resolve = options.resolve ?? systemResolve;
  const allowed = (address: string) =>
    !isForbiddenAddress(address) || (options.policy.allowPrivate && isLoopbackAddress(address));

  const pinnedAddress = async (url: URL): Promise<string> => {
    const problem = webhookUrlProblem(url.href, options.policy);
    if (problem) throw new Refused(`Refused URL: ${problem}`);
    const host = hostOf(url);
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : await resolve(host);
    } catch {
      throw new Refused(`DNS lookup of ${host} failed`);
    }
    if (addresses.length === 0) throw new Refused(`DNS lookup of ${host} found no address`);
    const bad = addresses.find((a) => !allowed(a));
    if (bad !== undefined)
      throw new Refused(`Refused address ${bad}: loopback, private, link-local or metadata`);
    return addresses[0] as string;
  };

  return {
    async send(request: WebhookRequest): Promise<WebhookResponse> {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const deadline = AbortSignal.timeout(timeoutMs);
      try {
        const url = new URL(request.url);
        const address = await Promise.race([pinnedAddress(url), aborted(deadline)]);
        const signature = new Webhook(request.secret).sign(
          request.messageId,
          request.timestamp,
          request.body,
        );
        const status = await post(url, address, request, signature, deadline, maxBytes);
        const ok = status >= 200 && status < 300;
        const error = ok
          ? null
          : status >= 300 && status < 400
            ? `HTTP ${status} (redirects are not followed)`
            : `HTTP ${status}`;
        return { ok, status, durationMs: elapsed(), error };
      } catch (error) {
        const message =
          error instanceof Refused
            ? error.message
            : deadline.aborted
              ? `Timed out after ${timeoutMs / 1000} s`
              : `Connection failed: ${error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error)}`;
        return { ok: false, status: null, durationMs: elapsed(), error: message };
      }
    },
  };
};

const aborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

const post = (
  url: URL,
  address: string,
  request: WebhookRequest,
  signature: string,
  signal: AbortSignal,
  maxBytes: number,
): Promise<number> =>
  new Promise((resolvePromise, reject) => {
    const pinned: LookupFunction = (_host, opts, callback) => {
      const family = address.includes(":") ? 6 : 4;
      if ((opts as { all?: boolean }).all)
        (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address, family },
        ]);
      else callback(null, address, family);
    };
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const body = Buffer.from(request.body, "utf8");
    const req = send(
      url,
      {
        method: "POST",
        lookup: pinned,
        signal,
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": String(body.length),
          "user-agent": "sharelinks-webhooks/1",
          "webhook-id": request.messageId,
          "webhook-timestamp": String(Math.floor(request.timestamp.getTime() / 1000)),
          "webhook-signature": signature,
        },
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          // Enough: the status is what counts, and a huge answer must not hold the worker.
          if (read > maxBytes) {
            res.destroy();
            resolvePromise(status);
          }
        });
        res.on("end", () => resolvePromise(status));
        res.on("error", () => resolvePromise(status));
        res.on("close", () => resolvePromise(status));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
