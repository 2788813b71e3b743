import {
  domainErrorOf,
  isDomainError,
  openPublicShare,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "@sharelinks/core";
import type { Services } from "@sharelinks/db";
import type { RateLimitStore } from "@sharelinks/edge";
import { PUBLIC_RESPONSE_HEADERS } from "@sharelinks/rest";
import { publicSharePageStatus, renderPublicSharePage } from "../public-page";
import { sendPlain } from "./front-door/plain-response";
import type { SurfaceHandler } from "./front-door/surface";
import { type PageCacheStats, pageVersion, RenderedPageCache } from "./page-cache";

/** The public API's headers, plus a policy for a page that is static markup: no scripts, https images only (the brand's logo). */
const PUBLIC_HEADERS = {
  ...PUBLIC_RESPONSE_HEADERS,
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

const ROUTE = "/shared/{token}";
/**
 * 64 MB of rendered pages (a few thousand links; ~10-20 kB each without the
 * shared stylesheet) keeps the server well inside its memory budget.
 */
const PAGE_CACHE_BYTES = 64 * 1024 * 1024;
/** A page viewed within the last minute is not evicted for another. */
const PAGE_CACHE_MIN_IDLE_MS = 60_000;

/** The 404 and 410 pages read nothing: rendered once, on first use. */
const fixedPages = new Map<"expired" | "not_found", Buffer>();
const fixedPage = (kind: "expired" | "not_found"): Buffer => {
  let page = fixedPages.get(kind);
  if (page === undefined) {
    page = Buffer.from(renderPublicSharePage({ kind }));
    fixedPages.set(kind, page);
  }
  return page;
};
const TOKEN_IN_PATH = /^\/shared\/([^/]*)\/?$/;
/** The page takes no body; anything a client sends along is read up to this and dropped. */
const PAGE_BODY_LIMIT = 64 * 1024;

/**
 * `GET /shared/{token}`: the public page, rendered without Next.js so the status
 * can be a real 410 or 404 and the page costs one lookup and, once per share
 * version, one render (server/page-cache.ts).
 * Rate-limited per client IP in the same counters as the public API.
 */
export const createPublicPageSurface = ({
  services,
  limits,
  pageCacheBytes = PAGE_CACHE_BYTES,
}: {
  services: Services;
  limits: RateLimitStore;
  /** Bound on the rendered pages kept (server/page-cache.ts). */
  pageCacheBytes?: number;
}): SurfaceHandler & { pageCacheStats(): PageCacheStats } => {
  const pages = new RenderedPageCache({ maxBytes: pageCacheBytes, minIdleMs: PAGE_CACHE_MIN_IDLE_MS });
  type Answer =
    | { status: number; html: Buffer; shareId: string | null }
    | { status: number; text: string; extra: Record<string, string> };
  const answer = async (
    method: string,
    path: string,
    clientIp: string,
    headers: Record<string, string>,
  ): Promise<Answer> => {
    if (method !== "GET" && method !== "HEAD") {
      return { status: 405, text: "Method not allowed", extra: { Allow: "GET, HEAD" } };
    }
    try {
      await limits.publicPerIp.take(clientIp, headers);
    } catch (error) {
      if (isDomainError(error) && error.code === "rate_limit_exceeded") {
        return { status: 429, text: "Too many requests. Try again in a minute.", extra: {} };
      }
      throw error;
    }
    const token = TOKEN_IN_PATH.exec(path)?.[1] ?? "";
    try {
      // Every request asks the database: revocation, rotation and expiry hold on the next request.
      const read = await openPublicShare(services.publicRead, token);
      const now = new Date();
      const version = pageVersion(read.payload, now);
      let html = pages.get(read.shareId, version);
      if (html === undefined) {
        const rendered = renderPublicSharePage({ kind: "ok", share: read.payload, now });
        pages.set(read.shareId, version, rendered);
        html = Buffer.from(rendered);
      }
      return { status: 200, html, shareId: read.shareId };
    } catch (error) {
      if (!isDomainError(error) || (error.code !== "not_found" && error.code !== "gone")) throw error;
      const kind = error.code === "gone" ? "expired" : "not_found";
      return { status: publicSharePageStatus(kind), html: fixedPage(kind), shareId: null };
    }
  };

  return {
    pageCacheStats: () => pages.stats(),
    name: "page",
    readsBodyItself: false,
    bodyLimit: () => PAGE_BODY_LIMIT,
    serve(req, res, context, _target, _body, done) {
      context.route = ROUTE;
      const headers: Record<string, string> = { ...PUBLIC_HEADERS, "X-Correlation-ID": context.requestId };
      answer(context.method, context.path, context.clientIp, headers)
        .then((result) => {
          context.status = result.status;
          if ("html" in result) {
            context.viewedShareId = result.shareId;
            res.writeHead(result.status, {
              ...headers,
              "Content-Type": "text/html; charset=utf-8",
              "Content-Length": String(result.html.length),
            });
            res.end(req.method === "HEAD" ? undefined : result.html);
          } else {
            sendPlain(res, result.status, result.text, { ...headers, ...result.extra });
          }
        })
        .catch((error: unknown) => {
          const unavailable = domainErrorOf(error)?.code === "service_unavailable";
          context.status = unavailable ? 503 : 500;
          if (!unavailable) context.log.error({ err: error, route: ROUTE }, "public page failed");
          if (res.headersSent) {
            res.destroy();
            return;
          }
          sendPlain(
            res,
            context.status,
            unavailable ? "Temporarily unavailable. Please retry shortly." : "Something went wrong.",
            unavailable
              ? { ...headers, "Retry-After": String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS) }
              : headers,
          );
        })
        .finally(() => done(context));
    },
    refuseTooLarge(_req, res, context, limitBytes, done) {
      context.route = ROUTE;
      context.status = 413;
      sendPlain(res, 413, `Request body too large (limit ${limitBytes} bytes).`, {
        ...PUBLIC_HEADERS,
        "X-Correlation-ID": context.requestId,
        Connection: "close",
      });
      done(context);
    },
  };
};
