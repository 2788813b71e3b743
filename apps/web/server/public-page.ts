import {
  domainErrorOf,
  isDomainError,
  openPublicShare,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "@sharelinks/core";
import type { Services } from "@sharelinks/db";
import type { RateLimitStore } from "@sharelinks/edge";
import { PUBLIC_RESPONSE_HEADERS } from "@sharelinks/rest";
import { type PublicSharePageInput, publicSharePageStatus, renderPublicSharePage } from "../public-page";
import { sendPlain } from "./front-door/plain-response";
import type { SurfaceHandler } from "./front-door/surface";

/** The public API's headers, plus a policy for a page that is static markup: no scripts, https images only (the brand's logo). */
const PUBLIC_HEADERS = {
  ...PUBLIC_RESPONSE_HEADERS,
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

const ROUTE = "/shared/{token}";
const TOKEN_IN_PATH = /^\/shared\/([^/]*)\/?$/;
/** The page takes no body; anything a client sends along is read up to this and dropped. */
const PAGE_BODY_LIMIT = 64 * 1024;

/**
 * `GET /shared/{token}`: the public page, rendered without Next.js so the status
 * can be a real 410 or 404 and the page costs one lookup and one render.
 * Rate-limited per client IP in the same counters as the public API.
 */
export const createPublicPageSurface = ({
  services,
  limits,
}: {
  services: Services;
  limits: RateLimitStore;
}): SurfaceHandler => {
  type Answer =
    | { status: number; html: string; shareId: string | null }
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
    let input: PublicSharePageInput;
    let shareId: string | null = null;
    try {
      const read = await openPublicShare(services.publicRead, token);
      shareId = read.shareId;
      input = { kind: "ok", share: read.payload, now: new Date() };
    } catch (error) {
      if (!isDomainError(error) || (error.code !== "not_found" && error.code !== "gone")) throw error;
      input = { kind: error.code === "gone" ? "expired" : "not_found" };
    }
    return { status: publicSharePageStatus(input.kind), html: renderPublicSharePage(input), shareId };
  };

  return {
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
              "Content-Length": String(Buffer.byteLength(result.html)),
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
