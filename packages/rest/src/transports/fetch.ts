import {
  BodyTooLargeError,
  ClientAbortedError,
  logAccess,
  RequestContext,
  requestIdFrom,
  resolveClientIp,
} from "@sharelinks/edge";
import type { RestContext } from "../context";
import { handleRestRequest } from "../handler";
import type { RestRequest } from "../types";

const readFetchBody = async (request: Request, limitBytes: number): Promise<string> => {
  const declared = Number(request.headers.get("content-length"));
  if (declared > limitBytes) throw new BodyTooLargeError(limitBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel().catch(() => {});
        throw new BodyTooLargeError(limitBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    throw new ClientAbortedError("request body stream failed");
  }
  return Buffer.concat(chunks, size).toString("utf8");
};

export interface FetchHandlerOptions {
  /**
   * The client address for per-IP rate limits. A fetch Request has no socket,
   * so by default it is read from X-Forwarded-For (see `trustProxyHops`; with 0,
   * the right-most entry, the one the hosting server appended).
   */
  clientIp?: (request: Request) => string;
}

/**
 * The web-standard `(Request) => Promise<Response>` handler (docs/architecture.md,
 * "One process, one port, one front door": REST's standalone transports), over the
 * same core as the Node one, with its own request id, client address, body
 * limit and access log.
 */
export const createFetchHandler =
  (ctx: RestContext, options: FetchHandlerOptions = {}) =>
  async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const context = new RequestContext(
      requestIdFrom(headers),
      options.clientIp?.(request) ?? resolveClientIp(undefined, headers, ctx.trustProxyHops),
      request.method.toUpperCase(),
      url.pathname,
      headers,
      "rest",
      ctx.logger,
    );
    const restRequest: RestRequest = {
      method: context.method,
      path: context.path,
      query: url.searchParams,
      headers,
      clientIp: context.clientIp,
      requestId: context.requestId,
      readBody: (limitBytes) => readFetchBody(request, limitBytes),
    };
    const response = await handleRestRequest(restRequest, ctx);
    context.route = response.route;
    context.status = response.status;
    logAccess(ctx.logger, context);
    return new Response(response.body, { status: response.status, headers: response.headers });
  };
