import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestContext, Surface } from "@sharelinks/edge";

/** Called by a surface once its response is written (or the client went away). */
export type Done = (context: RequestContext) => void;

/**
 * One part of the application behind the front door: the REST API, the
 * dashboard API (tRPC), the public page, or Next.js. The front door has already
 * made the request context (id, client IP), checked the body's size and read
 * it when the surface wants it whole; the surface answers, sets
 * `context.route` and `context.status`, and calls `done`.
 */
export interface SurfaceHandler {
  readonly name: Surface;
  /** The largest body this surface accepts on `path` from this request (its headers may raise it: the admin token). */
  bodyLimit(path: string, headers: IncomingMessage["headers"]): number;
  /**
   * True when the surface reads the body stream itself (Next.js): the front door
   * then only lets through bodies whose declared Content-Length is within the
   * limit (Node's parser holds a body to its declared length), and refuses
   * chunked ones. False: the front door reads the body, streamed against the
   * limit, and hands it over whole.
   */
  readonly readsBodyItself: boolean;
  /**
   * Answers the request. `target` is the request target in origin form
   * (`/path?query`); `body` is the whole body when the front door read it.
   */
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    context: RequestContext,
    target: string,
    body: Buffer | null,
    done: Done,
  ): void;
  /** Answers 413 in this surface's own shape (REST envelope, tRPC error, plain text). */
  refuseTooLarge(
    req: IncomingMessage,
    res: ServerResponse,
    context: RequestContext,
    limitBytes: number,
    done: Done,
  ): void;
}
