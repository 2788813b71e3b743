import type { IncomingMessage, ServerResponse } from "node:http";
import type { DomainError } from "@sharelinks/core";
import {
  BodyTooLargeError,
  logAccess,
  originForm,
  pathOf,
  queryOf,
  RequestContext,
  readNodeBody,
  requestIdFrom,
  resolveClientIp,
} from "@sharelinks/edge";
import type { RestContext } from "../context";
import { errorResponse, handleRestRequest } from "../handler";
import type { RestHeaders, RestRequest, RestResponse } from "../types";

const EMPTY_QUERY = new URLSearchParams();

/** One object per request, no closures: the public read is the hot path. */
class NodeRestRequest implements RestRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: RestHeaders;
  readonly clientIp: string;
  readonly requestId: string;

  constructor(
    private readonly raw: IncomingMessage,
    context: RequestContext,
    rawQuery: string,
    /** The body as the front door already read it; null: read it from the stream when a route wants it. */
    private readonly body: Buffer | null,
  ) {
    this.method = context.method;
    this.path = context.path;
    this.query = rawQuery.length === 0 ? EMPTY_QUERY : new URLSearchParams(rawQuery);
    this.headers = raw.headers;
    this.clientIp = context.clientIp;
    this.requestId = context.requestId;
  }

  async readBody(limitBytes: number): Promise<string> {
    if (this.body === null) return (await readNodeBody(this.raw, limitBytes)).toString("utf8");
    if (this.body.length > limitBytes) throw new BodyTooLargeError(limitBytes);
    return this.body.toString("utf8");
  }
}

const send = (res: ServerResponse, response: RestResponse) => {
  if (response.body !== null) response.headers["Content-Length"] = String(Buffer.byteLength(response.body));
  res.writeHead(response.status, response.headers);
  res.end(response.body ?? undefined);
};

const LAST_RESORT = JSON.stringify({
  error: { code: "internal_error", message: "An unexpected error occurred" },
  request_id: null,
});

/**
 * Serves one request over `node:http` with a request context made by whoever
 * took it in: the server's front door (which has read the body, if any,
 * within its limit) or `createNodeHandler`. Fills in `context.route` and
 * `context.status`, then calls `done(context)` once the response is written.
 */
export const serveNodeRequest = (
  ctx: RestContext,
  req: IncomingMessage,
  res: ServerResponse,
  context: RequestContext,
  rawQuery: string,
  body: Buffer | null,
  done: (context: RequestContext) => void,
): void => {
  handleRestRequest(new NodeRestRequest(req, context, rawQuery, body), ctx).then(
    (response) => {
      context.route = response.route;
      context.status = response.status;
      context.viewedShareId = response.viewedShareId;
      send(res, response);
      done(context);
    },
    (error: unknown) => {
      // handleRestRequest turns every failure into a response; reaching this is a bug in the adapter itself.
      context.log.error({ err: error }, "rest adapter failed");
      context.status = 500;
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
        res.end(LAST_RESORT);
      } else {
        res.destroy();
      }
      done(context);
    },
  );
};

/** Answers an error in the REST envelope for a request refused before routing (e.g. a body over the limit). */
export const sendRestError = (res: ServerResponse, context: RequestContext, error: DomainError): void => {
  const response = errorResponse(error, context.requestId, context.path);
  context.status = response.status;
  send(res, response);
};

/**
 * The adapter standalone on `node:http` (`http.createServer(createNodeHandler(ctx))`):
 * its own request id, client address (`trustProxyHops`) and access log. The
 * production server does not use it: its front door calls `serveNodeRequest`.
 */
export const createNodeHandler = (ctx: RestContext) => {
  const logged = (context: RequestContext) => logAccess(ctx.logger, context);
  return (req: IncomingMessage, res: ServerResponse): void => {
    const target = originForm(req.url ?? "/") ?? req.url ?? "/";
    const context = new RequestContext(
      requestIdFrom(req.headers),
      resolveClientIp(req.socket.remoteAddress, req.headers, ctx.trustProxyHops),
      req.method ?? "GET",
      pathOf(target),
      req.headers,
      "rest",
      ctx.logger,
    );
    serveNodeRequest(ctx, req, res, context, queryOf(target), null, logged);
  };
};
