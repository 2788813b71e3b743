import type { RequestHeaders } from "./headers";
import type { EdgeLogger } from "./log/edge-logger";

/** Which part of the application answers a request. */
export type Surface = "rest" | "trpc" | "page" | "next";

/**
 * One per request, made where the request enters (the server's front door, or
 * the REST adapter's own transports when it runs standalone) and handed to
 * whatever answers it. Surfaces fill in `route` and `status`; the access log and
 * every "response finished" hook read them. A plain class with no closures:
 * it is allocated on the hot path.
 */
export class RequestContext {
  /** The route template once known (`/v1/shared/{token}`): logs and metrics use it, never the raw path. */
  route: string | null = null;
  /** The status sent, once sent. */
  status = 0;
  /**
   * The share a public read answered with (set by the surface on a found,
   * active link), so a "response finished" hook can count the view without
   * a lookup of its own. Never logged: it is an internal id.
   */
  viewedShareId: string | null = null;
  /** The trace this request belongs to when tracing is on (W3C trace id, hex): logged beside the request id. */
  traceId: string | null = null;
  private child: EdgeLogger | null = null;

  constructor(
    readonly requestId: string,
    readonly clientIp: string,
    readonly method: string,
    /** Path only, not decoded. It may hold a token: logs mask it. */
    readonly path: string,
    /** The request's headers as received (for hooks: user agent, referrer). Never logged. */
    readonly headers: RequestHeaders,
    readonly surface: Surface,
    private readonly logger: EdgeLogger,
    /** `performance.now()` at arrival. */
    readonly startedAt: number = performance.now(),
  ) {}

  /** A logger whose every line carries this request's id (made on first use). */
  get log(): EdgeLogger {
    this.child ??=
      this.logger.child?.(
        this.traceId === null
          ? { request_id: this.requestId }
          : { request_id: this.requestId, trace_id: this.traceId },
      ) ?? this.logger;
    return this.child;
  }

  /** Milliseconds since arrival, to 0.01 ms. */
  elapsedMs(): number {
    return Math.round((performance.now() - this.startedAt) * 100) / 100;
  }
}
