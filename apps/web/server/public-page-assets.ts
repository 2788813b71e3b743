import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestContext } from "@sharelinks/edge";
import { PAGE_STYLESHEET, stylesheetOf } from "../public-page/stylesheet";
import { sendPlain } from "./front-door/plain-response";

const ROUTE = "/shared/assets/{file}";
const ETAG = `"${PAGE_STYLESHEET.hash}"`;

const COMMON = {
  "Content-Type": "text/css; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  ETag: ETAG,
} as const;
/** This build's file: its name is its content, so a browser keeps it for a year without asking. */
const IMMUTABLE = { ...COMMON, "Cache-Control": "public, max-age=31536000, immutable" } as const;
/**
 * Another build's name (a page rendered by an instance of the previous or next
 * release, mid-deploy): this build's stylesheet rather than an unstyled page,
 * but never cached under a name whose content it is not.
 */
const NOT_CACHED = { ...COMMON, "Cache-Control": "no-cache" } as const;

/**
 * `GET /shared/assets/page-<hash>.css`: the public page's stylesheet. Served
 * before the page's rate limit (a page view must not cost two of its
 * requests) and without a database: it is a constant of the build.
 */
export const servePageAsset = (req: IncomingMessage, res: ServerResponse, context: RequestContext): void => {
  context.route = ROUTE;
  const which = stylesheetOf(context.path);
  if (which === null) {
    context.status = 404;
    sendPlain(res, 404, "Not found", {
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      "X-Correlation-ID": context.requestId,
    });
    return;
  }
  if (context.method !== "GET" && context.method !== "HEAD") {
    context.status = 405;
    sendPlain(res, 405, "Method not allowed", { Allow: "GET, HEAD", "X-Correlation-ID": context.requestId });
    return;
  }
  const headers = {
    ...(which === "current" ? IMMUTABLE : NOT_CACHED),
    "X-Correlation-ID": context.requestId,
  };
  if (req.headers["if-none-match"]?.includes(ETAG)) {
    context.status = 304;
    res.writeHead(304, headers);
    res.end();
    return;
  }
  context.status = 200;
  res.writeHead(200, { ...headers, "Content-Length": String(PAGE_STYLESHEET.bytes.length) });
  res.end(context.method === "HEAD" ? undefined : PAGE_STYLESHEET.bytes);
};
