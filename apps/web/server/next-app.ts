import type { IncomingMessage, ServerResponse } from "node:http";
import { sendPlain } from "./front-door/plain-response";
import { DASHBOARD_HEADERS, newNonce, pageCsp } from "./front-door/security-headers";
import type { SurfaceHandler } from "./front-door/surface";

export type NextRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Next.js pages take no uploads; a form post or a server action fits easily. */
export const NEXT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Everything else: the Next.js dashboard. Each page response gets the
 * dashboard's headers and a CSP with a fresh nonce, which Next.js reads from
 * the request's own CSP header and puts on the scripts it renders (pages are
 * rendered per request for that reason: see app/layout.tsx).
 */
export const createNextSurface = ({
  handle,
  dev,
}: {
  handle: NextRequestHandler;
  dev: boolean;
}): SurfaceHandler => ({
  name: "next",
  // Next.js reads any body from the stream itself: the front door only lets declared lengths through.
  readsBodyItself: true,
  bodyLimit: () => NEXT_MAX_BODY_BYTES,
  serve(req, res, context, target, _body, done) {
    const csp = pageCsp(newNonce(), dev);
    // A client's own CSP request header must not choose the nonce.
    req.headers["content-security-policy"] = csp;
    delete req.headers["content-security-policy-report-only"];
    // Absolute-form targets reach Next.js in origin form.
    req.url = target;
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) res.setHeader(name, value);
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Correlation-ID", context.requestId);
    res.once("close", () => {
      context.status = res.statusCode;
      done(context);
    });
    handle(req, res).catch((error: unknown) => {
      context.log.error({ err: error }, "next.js failed");
      if (!res.headersSent) sendPlain(res, 500, "Something went wrong.", {});
      else res.destroy();
    });
  },
  refuseTooLarge(_req, res, context, limitBytes, done) {
    context.status = 413;
    sendPlain(res, 413, `Request body too large (limit ${limitBytes} bytes, with a Content-Length).`, {
      ...DASHBOARD_HEADERS,
      "X-Correlation-ID": context.requestId,
      Connection: "close",
    });
    done(context);
  },
});
