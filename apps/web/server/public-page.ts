import {
  domainErrorOf,
  isDomainError,
  openPublicShare,
  type PublicShare,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  unlockPublicShare,
} from "@sharelinks/core";
import type { Services } from "@sharelinks/db";
import { createBotClassifier, type RateLimitStore, sharePasswordGuard } from "@sharelinks/edge";
import { PUBLIC_RESPONSE_HEADERS } from "@sharelinks/rest";
import {
  type DocumentParts,
  type PublicSharePageInput,
  publicSharePageStatus,
  renderPublicSharePage,
  renderPublicSharePageParts,
  sharePageDay,
} from "../public-page";
import { PAGE_ASSETS_PREFIX } from "../public-page/stylesheet";
import { sendPlain } from "./front-door/plain-response";
import type { SurfaceHandler } from "./front-door/surface";
import { servePageAsset } from "./public-page-assets";
import type { RenderedPages } from "./rendered-pages";
import { readCookie } from "./session-cookie";
import { createUnlockCookies, UNLOCK_COOKIE } from "./share-unlock-cookie";

/**
 * The public API's headers, plus a policy for a page that is static markup: no
 * scripts, our own stylesheet and the brand's colours inline, https images only (the brand's logo).
 */
const PUBLIC_HEADERS = {
  ...PUBLIC_RESPONSE_HEADERS,
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
} as const;

const ROUTE = "/shared/{token}";

/** The 404 and 410 pages read nothing: rendered once, on first use. */
type FixedKind = "expired" | "view_limit" | "not_found";
const fixedPages = new Map<FixedKind, PageBody>();
const fixedPage = (kind: FixedKind): PageBody => {
  let page = fixedPages.get(kind);
  if (page === undefined) {
    const bytes = Buffer.from(renderPublicSharePage({ kind }));
    page = { chunks: [bytes], length: bytes.length };
    fixedPages.set(kind, page);
  }
  return page;
};

/**
 * A page as the chunks to write and their length in bytes: the markup around
 * the style elements as strings (encoded by the socket write) and the style
 * elements as the bytes encoded once per brand colour. Writing them corked
 * costs less than encoding the whole document into a new Buffer on every
 * request.
 */
interface PageBody {
  chunks: Array<string | Uint8Array>;
  length: number;
}
const bodyOf = (parts: DocumentParts): PageBody => ({
  chunks: [parts.before, parts.style.bytes, parts.after],
  length: Buffer.byteLength(parts.before) + parts.style.bytes.length + Buffer.byteLength(parts.after),
});
const TOKEN_IN_PATH = /^\/shared\/([^/]*)\/?$/;
/** The page takes no body; anything a client sends along is read up to this and dropped. */
const PAGE_BODY_LIMIT = 64 * 1024;

/**
 * `GET /shared/{token}`: the public page, rendered without Next.js so the status
 * can be a real 410 or 404. Every request looks the link up; its page is
 * rendered (public-page/html.ts) once per version of the link and kept
 * (rendered-pages.ts), so a repeat view costs the lookup and a copy.
 * Rate-limited per client IP in the same counters as the public API.
 */
export const createPublicPageSurface = ({
  services,
  limits,
  serverSecret,
  secureCookies,
  renderedPages,
}: {
  services: Services;
  limits: RateLimitStore;
  /** SHARE_TOKEN_SECRET: the unlock cookies' MAC key is derived from it (docs/protection.md). */
  serverSecret: string;
  /** Secure cookies whenever the public URL is https. */
  secureCookies: boolean;
  /** Rendered pages kept per link version (PUBLIC_PAGE_CACHE_MB). */
  renderedPages: RenderedPages;
}): SurfaceHandler => {
  const unlockCookies = createUnlockCookies(serverSecret, secureCookies);
  /** A link's page: rendered once per version and day, then the kept bytes (rendered-pages.ts). */
  const sharePage = (shareId: string, version: string, share: PublicShare): PageBody => {
    const now = new Date();
    const day = sharePageDay(share, now);
    let body = renderedPages.find(shareId, version, day);
    if (body === undefined) {
      body = Buffer.from(renderPublicSharePage({ kind: "ok", share, now }));
      renderedPages.keep(shareId, version, day, body);
    }
    return { chunks: [body], length: body.length };
  };
  const isBot = createBotClassifier();
  type Answer =
    | { status: number; html: PageBody; shareId: string | null; extra?: Record<string, string> }
    | { status: number; text: string; extra: Record<string, string> };
  /** The password form and the preview: small, per reader, never cached. */
  const gatePage = (input: PublicSharePageInput, extra: Record<string, string> = {}): Answer => ({
    status: publicSharePageStatus(input.kind, input.kind === "password" ? input.problem : undefined),
    html: bodyOf(renderPublicSharePageParts(input)),
    shareId: null,
    extra,
  });
  /** POST: the password form. Checked (throttled), then the link's cookie and back to the page. */
  const unlock = async (token: string, clientIp: string, body: Buffer | null): Promise<Answer> => {
    const password = new URLSearchParams(body?.toString("utf8") ?? "").get("password") ?? "";
    const result = await unlockPublicShare(services.publicRead, token, {
      password,
      guard: sharePasswordGuard(limits, clientIp),
    });
    if (result.outcome === "unlocked") {
      const redirect: Record<string, string> = { Location: `/shared/${token}` };
      if (result.passwordHash !== null) {
        redirect["Set-Cookie"] = unlockCookies.issue(token, result.shareId, result.passwordHash);
      }
      return { status: 303, text: "Unlocked.", extra: redirect };
    }
    const retry = result.retryAfterSeconds;
    return gatePage(
      {
        kind: "password",
        preview: result.preview,
        problem: result.problem,
        ...(retry !== undefined && { retryAfterSeconds: retry }),
      },
      retry === undefined ? {} : { "Retry-After": String(retry) },
    );
  };
  const answer = async (
    method: string,
    path: string,
    clientIp: string,
    headers: Record<string, string>,
    request: { cookie: string | undefined; userAgent: string; body: Buffer | null },
  ): Promise<Answer> => {
    if (method !== "GET" && method !== "HEAD" && method !== "POST") {
      return { status: 405, text: "Method not allowed", extra: { Allow: "GET, HEAD, POST" } };
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
      if (method === "POST") return await unlock(token, clientIp, request.body);
      const unlockValue = readCookie(request.cookie, UNLOCK_COOKIE);
      // Every request asks the database: revocation, rotation, pause and expiry hold on the next request.
      const read = await openPublicShare(services.publicRead, token, {
        // HEAD shows nothing, so it must not use a view of a limited link: answered like a preview.
        isBot: method === "HEAD" || isBot(request.userAgent),
        askForPassword: true,
        unlocked: (record) =>
          record.passwordHash !== null &&
          unlockCookies.verify(unlockValue, record.shareId, record.passwordHash),
      });
      if (read.kind === "locked")
        return gatePage({ kind: "password", preview: read.payload, problem: "none" });
      if (read.kind === "preview") {
        // A preview is 200 with the share id: analytics counts it as a bot view.
        return { ...gatePage({ kind: "preview", preview: read.payload }), shareId: read.shareId };
      }
      return {
        status: 200,
        html: sharePage(read.shareId, read.version, read.payload),
        shareId: read.shareId,
      };
    } catch (error) {
      if (!isDomainError(error) || (error.code !== "not_found" && error.code !== "gone")) throw error;
      const kind: FixedKind =
        error.code === "not_found"
          ? "not_found"
          : error.details?.reason === "view_limit_reached"
            ? "view_limit"
            : "expired";
      return { status: publicSharePageStatus(kind), html: fixedPage(kind), shareId: null };
    }
  };

  return {
    name: "page",
    readsBodyItself: false,
    bodyLimit: () => PAGE_BODY_LIMIT,
    serve(req, res, context, _target, _body, done) {
      if (context.path.startsWith(PAGE_ASSETS_PREFIX)) {
        servePageAsset(req, res, context);
        done(context);
        return;
      }
      context.route = ROUTE;
      const headers: Record<string, string> = { ...PUBLIC_HEADERS, "X-Correlation-ID": context.requestId };
      answer(context.method, context.path, context.clientIp, headers, {
        cookie: req.headers.cookie,
        userAgent: req.headers["user-agent"] ?? "",
        body: _body,
      })
        .then((result) => {
          context.status = result.status;
          if ("html" in result) {
            context.viewedShareId = result.shareId;
            res.writeHead(result.status, {
              ...headers,
              ...result.extra,
              "Content-Type": "text/html; charset=utf-8",
              "Content-Length": String(result.html.length),
            });
            if (req.method !== "HEAD") {
              // One socket write for the head and every chunk; end() uncorks.
              res.cork();
              for (const chunk of result.html.chunks) res.write(chunk);
            }
            res.end();
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
