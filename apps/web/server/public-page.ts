import { randomUUID } from "node:crypto";
import { isDomainError, readPublicShare } from "@sharelinks/core";
import type { Services } from "@sharelinks/db";
import { PUBLIC_RESPONSE_HEADERS, type RestContext, resolveClientIp } from "@sharelinks/rest";
import type { Logger } from "pino";
import { type PublicSharePageInput, publicSharePageStatus, renderPublicSharePage } from "../public-page";
import type { NodeHandler } from "./dispatch";

/** The public API's headers, plus a policy for a page that is static markup: no scripts, https images only (the brand's logo). */
const PUBLIC_HEADERS = {
  ...PUBLIC_RESPONSE_HEADERS,
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

const TOKEN_IN_PATH = /^\/shared\/([^/?#]*)\/?(?:\?.*)?$/;

/**
 * `GET /shared/{token}`: the public page, rendered without Next.js so the status
 * can be a real 410 or 404 and the page costs one lookup and one render.
 * Rate-limited per client IP with the same counters as the public API.
 */
export const createPublicPageHandler = ({
  services,
  rest,
  logger,
}: {
  services: Services;
  rest: RestContext;
  logger: Logger;
}): NodeHandler => {
  return async (req, res) => {
    const requestId = randomUUID();
    const started = performance.now();
    const headers: Record<string, string> = { ...PUBLIC_HEADERS, "X-Correlation-ID": requestId };
    let status = 500;
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        status = 405;
        res.writeHead(status, {
          ...headers,
          Allow: "GET, HEAD",
          "Content-Type": "text/plain; charset=utf-8",
        });
        res.end("Method not allowed");
        return;
      }
      const ip = resolveClientIp(req.socket.remoteAddress, req.headers, rest.trustProxyHops);
      try {
        await rest.limits.perIp.take(ip, headers);
      } catch (error) {
        if (isDomainError(error) && error.code === "rate_limit_exceeded") {
          status = 429;
          res.writeHead(status, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
          res.end("Too many requests. Try again in a minute.");
          return;
        }
        throw error;
      }

      const token = TOKEN_IN_PATH.exec(req.url ?? "")?.[1] ?? "";
      let input: PublicSharePageInput;
      try {
        input = { kind: "ok", share: await readPublicShare(services.publicRead, token), now: new Date() };
      } catch (error) {
        if (!isDomainError(error) || (error.code !== "not_found" && error.code !== "gone")) throw error;
        input = { kind: error.code === "gone" ? "expired" : "not_found" };
      }
      const html = renderPublicSharePage(input);
      status = publicSharePageStatus(input.kind);
      res.writeHead(status, {
        ...headers,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(html)),
      });
      res.end(req.method === "HEAD" ? undefined : html);
    } catch (error) {
      const unavailable = isDomainError(error) && error.code === "service_unavailable";
      status = unavailable ? 503 : 500;
      if (!unavailable) logger.error({ err: error, request_id: requestId }, "public page failed");
      if (!res.headersSent) {
        res.writeHead(status, {
          ...headers,
          "Content-Type": "text/plain; charset=utf-8",
          ...(unavailable && { "Retry-After": "1" }),
        });
      }
      res.end(unavailable ? "Temporarily unavailable. Please retry shortly." : "Something went wrong.");
    } finally {
      logger.info({
        request_id: requestId,
        method: req.method,
        route: "/shared/{token}",
        path: "/shared/***",
        status,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
      });
    }
  };
};
