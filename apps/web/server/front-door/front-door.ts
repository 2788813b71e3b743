import type { IncomingMessage, Server, ServerResponse } from "node:http";
import {
  BodyTooLargeError,
  declaredLength,
  type EdgeLogger,
  hasBody,
  logAccess,
  originForm,
  pathOf,
  RequestContext,
  readNodeBody,
  requestIdFrom,
  resolveClientIp,
  type Surface,
} from "@sharelinks/edge";
import { answerClientError } from "./header-overflow";
import { closeAfterRefusal } from "./linger";
import { sendPlain } from "./plain-response";
import type { Done, SurfaceHandler } from "./surface";
import { surfaceOf } from "./surface-of";

/** Runs once per request after its response is written: metrics, view counting. */
export type ResponseFinishedHook = (context: RequestContext) => void;
/** Runs once per request before any surface sees it (e.g. `Connection: close` while draining). */
export type RequestStartedHook = (context: RequestContext, req: IncomingMessage, res: ServerResponse) => void;

export interface FrontDoorOptions {
  logger: EdgeLogger;
  /** TRUST_PROXY_HOPS: reverse proxies in front that append to X-Forwarded-For. */
  trustProxyHops: number;
  surfaces: Record<Surface, SurfaceHandler>;
  /**
   * Answers a request before any surface, returning true when it did: the
   * token-guarded `/metrics` on the main port. Such requests are not counted
   * or access-logged (a scrape every few seconds is noise, not traffic).
   */
  claim?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /**
   * Runs each request's handling inside `run` (tracing: the request's server
   * span made active, so database spans become its children). Absent when
   * tracing is off: no wrapper, no closure on the hot path.
   */
  around?: (context: RequestContext, req: IncomingMessage, run: () => void) => void;
}

export interface FrontDoor {
  /** The `request` listener for `node:http`. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Installs the listener on a server, with its request timeout. */
  attach(server: Server): void;
  /** Adds a hook run after every response (in the order added). */
  onResponseFinished(hook: ResponseFinishedHook): void;
  /** Adds a hook run before every request reaches its surface. */
  onRequestStarted(hook: RequestStartedHook): void;
  /** Requests taken in and not yet answered. */
  readonly inFlight: number;
}

/** A whole request (headers and body) must arrive within this; slow uploads do not hold a socket forever. */
export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The server's one HTTP layer: every request, whatever its path, comes through
 * here. It decides the request id and client address, picks the surface,
 * enforces the body limit (streamed, 413 in the surface's own shape), hands
 * over, and writes the access-log line when the surface is done. Rate limits,
 * headers and errors are the surfaces' own, from the shared pieces they were
 * built with (one rate-limit store, one logger).
 *
 * Per request on the hot path (`GET /v1/shared/{token}`, no body): one
 * RequestContext, a few string tests, no closure and no extra await.
 */
export const createFrontDoor = (options: FrontDoorOptions): FrontDoor => {
  const { logger, trustProxyHops, surfaces } = options;
  const finishedHooks: ResponseFinishedHook[] = [];
  const startedHooks: RequestStartedHook[] = [];
  let inFlight = 0;

  const finish: Done = (context) => {
    inFlight -= 1;
    logAccess(logger, context);
    for (const hook of finishedHooks) {
      try {
        hook(context);
      } catch (error) {
        context.log.error({ err: error }, "response-finished hook failed");
      }
    }
  };

  const refuse = (
    handler: SurfaceHandler,
    req: IncomingMessage,
    res: ServerResponse,
    context: RequestContext,
    limit: number,
  ) => {
    closeAfterRefusal(req, res);
    handler.refuseTooLarge(req, res, context, limit, finish);
  };

  /**
   * Hands the request to its surface. A surface that throws instead of
   * answering would leave the client waiting until it gives up (a mangled
   * cookie did that to every tRPC call once): a bug, so a logged 500, at once.
   */
  const serve = (
    handler: SurfaceHandler,
    req: IncomingMessage,
    res: ServerResponse,
    context: RequestContext,
    target: string,
    body: Buffer | null,
  ) => {
    try {
      handler.serve(req, res, context, target, body, finish);
    } catch (error) {
      context.log.error({ err: error }, "surface threw instead of answering");
      context.status = 500;
      if (res.headersSent) res.destroy();
      else sendPlain(res, 500, "Internal server error", { "X-Correlation-ID": context.requestId });
      finish(context);
    }
  };

  const { claim, around } = options;
  /**
   * `expectsContinue`: the client sent `Expect: 100-continue` and waits for
   * `100 Continue` before sending its body (curl does for large uploads).
   * The server then invites the body only once the request has passed the
   * declared-length check. A declared length over the limit gets its 413 and
   * no invitation, so not one byte of the body is sent. Node would otherwise
   * answer 100 before the front door saw the request.
   */
  const accept = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void => {
    if (claim?.(req, res)) return;
    const raw = req.url ?? "/";
    const target = originForm(raw);
    const path = target === null ? raw : pathOf(target);
    const surface: Surface = target === null ? "next" : surfaceOf(path);
    const context = new RequestContext(
      requestIdFrom(req.headers),
      resolveClientIp(req.socket.remoteAddress, req.headers, trustProxyHops),
      req.method ?? "GET",
      path,
      req.headers,
      surface,
      logger,
    );
    inFlight += 1;
    for (const hook of startedHooks) hook(context, req, res);
    if (around)
      around(context, req, () => dispatch(req, res, context, target, path, surface, expectsContinue));
    else dispatch(req, res, context, target, path, surface, expectsContinue);
  };
  const listener = (req: IncomingMessage, res: ServerResponse): void => accept(req, res, false);
  const continueListener = (req: IncomingMessage, res: ServerResponse): void => accept(req, res, true);

  const dispatch = (
    req: IncomingMessage,
    res: ServerResponse,
    context: RequestContext,
    target: string | null,
    path: string,
    surface: Surface,
    expectsContinue: boolean,
  ): void => {
    if (target === null) {
      // Neither origin form nor absolute form (`*`, garbage): nothing to route.
      context.status = 400;
      sendPlain(res, 400, "Bad request target", {
        "X-Correlation-ID": context.requestId,
        Connection: "close",
      });
      finish(context);
      return;
    }

    const handler = surfaces[surface];
    if (!hasBody(req)) {
      if (expectsContinue) res.writeContinue(); // as Node would have; nothing is coming anyway
      serve(handler, req, res, context, target, null);
      return;
    }

    const limit = handler.bodyLimit(path, req.headers);
    const declared = declaredLength(req);
    if ((declared !== null && declared > limit) || (handler.readsBodyItself && declared === null)) {
      refuse(handler, req, res, context, limit);
      return;
    }
    // Within the limit so far: now the client may send its body.
    if (expectsContinue) res.writeContinue();
    if (handler.readsBodyItself) {
      serve(handler, req, res, context, target, null);
      return;
    }
    readNodeBody(req, limit).then(
      (body) => serve(handler, req, res, context, target, body),
      (error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          refuse(handler, req, res, context, limit);
          return;
        }
        // The client went away mid-body: nobody is left to answer.
        context.status = 499;
        res.destroy();
        finish(context);
      },
    );
  };

  return {
    listener,
    attach(server) {
      server.on("request", listener);
      // With this listener Node no longer answers `100 Continue` by itself (see `accept`).
      server.on("checkContinue", continueListener);
      server.on("clientError", answerClientError);
      server.requestTimeout = REQUEST_TIMEOUT_MS;
    },
    onResponseFinished(hook) {
      finishedHooks.push(hook);
    },
    onRequestStarted(hook) {
      startedHooks.push(hook);
    },
    get inFlight() {
      return inFlight;
    },
  };
};
