import { randomUUID } from "node:crypto";
import {
  type Actor,
  authenticateApiKey,
  DomainError,
  isWellFormedApiKey,
  unauthorized,
} from "@sharelinks/core";
import { bearerCredential } from "./auth";
import type { RestContext } from "./context";
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  domainErrorOf,
  errorEnvelope,
  HTTP_STATUS_BY_CODE,
  internalError,
} from "./errors";
import { maskPath } from "./logging";
import type { Route } from "./route";
import { BodyTooLargeError, type RestRequest, type RestResponse } from "./types";
import { bodyTooLarge, parseJsonBody, parseParameters, queryObject } from "./validation";

const JSON_TYPE = "application/json; charset=utf-8";
const PUBLIC_PATH = /^\/(?:v1\/)?shared(?:\/|$)/;

export class ClientAbortedError extends Error {
  override readonly name = "ClientAbortedError";
}

const baseHeaders = (requestId: string): Record<string, string> => ({
  "Content-Type": JSON_TYPE,
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "X-Correlation-ID": requestId,
});

/**
 * The headers every public response carries (SPEC §4): the API's public route,
 * errors included, and the public HTML page. Cache-Control is already in the base set.
 */
export const PUBLIC_RESPONSE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
} as const;

const addPublicHeaders = (headers: Record<string, string>) => {
  Object.assign(headers, PUBLIC_RESPONSE_HEADERS);
};

/**
 * The adapter, transport-neutral: route, identify the caller, parse, call the
 * use case, shape the JSON. Never throws: every failure becomes an envelope.
 */
export const handleRestRequest = async (req: RestRequest, ctx: RestContext): Promise<RestResponse> => {
  const started = performance.now();
  const requestId = randomUUID();
  const headers = baseHeaders(requestId);
  const match = ctx.router.match(req.method, req.path);
  let response: RestResponse;
  let route: Route | null = null;

  if (match.kind === "route") {
    route = match.route;
    if (route.auth === "public") addPublicHeaders(headers);
    try {
      response = await runRoute(ctx, route, match.params, req, requestId, headers);
    } catch (error) {
      response = failure(ctx, error, requestId, headers, route.path);
    }
  } else {
    if (PUBLIC_PATH.test(req.path)) addPublicHeaders(headers);
    if (match.kind === "method_not_allowed") {
      // No 405 code in the catalog: `not_found` (this method does not exist here) with HTTP 405 and Allow.
      headers.Allow = match.allow;
      const error = new DomainError("not_found", `Method ${req.method} is not allowed on ${match.pattern}`, {
        allow: match.allow.split(", "),
      });
      response = { status: 405, headers, body: errorEnvelope(error, requestId) };
    } else {
      response = {
        status: 404,
        headers,
        body: errorEnvelope(new DomainError("not_found", "No such route"), requestId),
      };
    }
  }

  if (req.method === "HEAD") response.body = null;

  const durationMs = Math.round((performance.now() - started) * 100) / 100;
  if (route) {
    ctx.logger.info(
      {
        request_id: requestId,
        method: req.method,
        route: route.path,
        status: response.status,
        duration_ms: durationMs,
      },
      "request",
    );
  } else {
    ctx.logger.info(
      {
        request_id: requestId,
        method: req.method,
        route: null,
        path: maskPath(req.path),
        status: response.status,
        duration_ms: durationMs,
      },
      "request",
    );
  }
  return response;
};

const runRoute = async (
  ctx: RestContext,
  route: Route,
  rawParams: Record<string, string>,
  req: RestRequest,
  requestId: string,
  headers: Record<string, string>,
): Promise<RestResponse> => {
  let actor: Actor | null = null;
  switch (route.auth) {
    case "public":
      await ctx.limits.perIp.take(req.clientIp, headers);
      break;
    case "api_key": {
      const key = bearerCredential(req.headers);
      if (key === null || !isWellFormedApiKey(key)) throw unauthorized();
      // Counted before the lookup, so a client over its budget costs no database work.
      await ctx.limits.perKey.take(key, headers);
      const caller = await authenticateApiKey(ctx.services.accounts, key);
      actor = { userId: caller.userId, brandId: caller.brandId, role: caller.role, requestId };
      break;
    }
    case "admin":
      if (!ctx.isAdminToken(bearerCredential(req.headers))) throw unauthorized();
      break;
    case "none":
      break;
  }

  const params =
    route.params && route.validateParams !== false
      ? parseParameters(route.params, rawParams, "path parameters")
      : rawParams;
  const query = route.query
    ? parseParameters(route.query, queryObject(req.query), "query parameters")
    : undefined;

  let body: unknown;
  if (route.body) {
    const limit = route.bodyLimitBytes ?? (route.auth === "admin" ? ctx.maxAdminBodyBytes : ctx.maxBodyBytes);
    let text: string;
    try {
      text = await req.readBody(limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the upload is not worth reading on this connection.
        headers.Connection = "close";
        throw bodyTooLarge(limit);
      }
      throw error;
    }
    body = parseJsonBody(route.body, text);
  }

  const result = await route.handle({ ctx, actor, params, query, body, requestId });
  if (result.headers) Object.assign(headers, result.headers);
  const json = result.json ?? (result.body === undefined ? null : JSON.stringify(result.body));
  if (json === null) delete headers["Content-Type"];
  return { status: result.status, headers, body: json };
};

const withRetryAfter = (error: DomainError): DomainError => {
  const retryAfter = error.details?.retry_after;
  if (typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter > 0) return error;
  return new DomainError(error.code, error.message, {
    ...error.details,
    retry_after: DEFAULT_RETRY_AFTER_SECONDS,
  });
};

const innermostMessage = (thrown: unknown): string => {
  let current: unknown = thrown;
  for (let depth = 0; depth < 6; depth += 1) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (cause === undefined || cause === null) break;
    current = cause;
  }
  return (current instanceof Error ? current.message : String(current)).slice(0, 200);
};

/** Any failure -> status + envelope. A 500 is always a bug and is logged with its stack. */
const failure = (
  ctx: RestContext,
  thrown: unknown,
  requestId: string,
  headers: Record<string, string>,
  routePath: string,
): RestResponse => {
  let error: DomainError;
  if (thrown instanceof ClientAbortedError) {
    error = new DomainError("body_validation_error", "Request body was not received completely", {
      errors: [{ path: "", message: "Body was cut off" }],
    });
  } else {
    const domain = domainErrorOf(thrown);
    if (domain === null || domain.code === "internal_error") {
      ctx.logger.error({ err: thrown, request_id: requestId, route: routePath }, "unhandled error");
      error = internalError();
    } else if (domain.code === "service_unavailable") {
      error = withRetryAfter(domain);
      headers["Retry-After"] = String(error.details?.retry_after);
      ctx.logger.warn(
        { request_id: requestId, route: routePath, cause: innermostMessage(thrown) },
        "service unavailable",
      );
    } else {
      error = domain;
    }
  }
  if (error.code === "unauthorized") headers["WWW-Authenticate"] = 'Bearer realm="sharelinks"';
  headers["Content-Type"] = JSON_TYPE;
  return { status: HTTP_STATUS_BY_CODE[error.code], headers, body: errorEnvelope(error, requestId) };
};
