import { randomUUID } from "node:crypto";
import {
  type Actor,
  authenticateApiKeyWithProfile,
  DomainError,
  domainErrorOf,
  isDomainError,
  isWellFormedApiKey,
  payloadTooLarge,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  unauthorized,
} from "@sharelinks/core";
import { BodyTooLargeError, ClientAbortedError } from "@sharelinks/edge";
import { bearerCredential } from "./auth";
import type { RestContext } from "./context";
import { errorEnvelope, HTTP_STATUS_BY_CODE, internalError } from "./errors";
import { ADMIN_IDEMPOTENCY_SCOPE, idempotencyKeyOf, runWithIdempotencyKey } from "./idempotency";
import type { Route } from "./route";
import type { RestRequest, RestResponse } from "./types";
import { parseJsonBody, parseParameters, queryObject, refuseQuery } from "./validation";

const JSON_TYPE = "application/json; charset=utf-8";
const PUBLIC_PATH = /^\/(?:v1\/)?shared(?:\/|$)/;

const baseHeaders = (requestId: string): Record<string, string> => ({
  "Content-Type": JSON_TYPE,
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "X-Correlation-ID": requestId,
});

/**
 * The headers every public response carries (docs/api.md, "Rules a client sees",
 * public read): the API's public route,
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

/** Whether a path is one of the public ones, whose every answer carries the public headers. */
export const isPublicPath = (path: string) => PUBLIC_PATH.test(path);

/**
 * The adapter, transport-neutral: route, identify the caller, parse, call the
 * use case, shape the JSON. Never throws: every failure becomes an envelope.
 * It writes no access-log line: whoever took the request in (the server's
 * front door, or this package's own transports) does, from `route` and `status`.
 */
export const handleRestRequest = async (req: RestRequest, ctx: RestContext): Promise<RestResponse> => {
  const requestId = req.requestId ?? randomUUID();
  const headers = baseHeaders(requestId);
  const match = ctx.router.match(req.method, req.path);
  let route: Route | null = null;
  let status: number;
  let body: string | null;
  let viewedShareId: string | null = null;

  if (match.kind === "route") {
    route = match.route;
    if (route.auth === "public") addPublicHeaders(headers);
    try {
      ({ status, body, viewedShareId } = await runRoute(ctx, route, match.params, req, requestId, headers));
    } catch (error) {
      ({ status, body } = failure(ctx, error, requestId, headers, route.path));
    }
  } else {
    if (PUBLIC_PATH.test(req.path)) addPublicHeaders(headers);
    if (match.kind === "method_not_allowed") {
      // No 405 code in the catalog: `not_found` (this method does not exist here) with HTTP 405 and Allow.
      headers.Allow = match.allow;
      const error = new DomainError("not_found", `Method ${req.method} is not allowed on ${match.pattern}`, {
        allow: match.allow.split(", "),
      });
      status = 405;
      body = errorEnvelope(error, requestId);
    } else {
      status = 404;
      body = errorEnvelope(new DomainError("not_found", "No such route"), requestId);
    }
  }

  if (req.method === "HEAD") body = null;
  return { status, headers, body, route: route === null ? null : route.path, requestId, viewedShareId };
};

/** Counts a presented credential that did not authenticate; the caller is refused once over the budget. */
const authFailed = async (ctx: RestContext, req: RestRequest): Promise<never> => {
  await ctx.limits.authFailures.fail(req.clientIp);
  throw unauthorized();
};

/** The caller, and the scope its `Idempotency-Key`s live in (null: a caller without keys). */
interface Caller {
  actor: Actor | null;
  scope: string | null;
}

const ANONYMOUS: Caller = { actor: null, scope: null };

const identify = async (
  ctx: RestContext,
  route: Route,
  req: RestRequest,
  requestId: string,
  headers: Record<string, string>,
): Promise<Caller> => {
  switch (route.auth) {
    case "public":
      await ctx.limits.publicPerIp.take(req.clientIp, headers);
      return ANONYMOUS;
    case "api_key": {
      ctx.limits.authFailures.check(req.clientIp);
      const key = bearerCredential(req.headers);
      if (key === null) throw unauthorized();
      if (!isWellFormedApiKey(key)) return authFailed(ctx, req);
      // Counted before the lookup, so a client over its budget costs no database work.
      await ctx.limits.perKey.take(key, headers);
      try {
        const { caller, profile, keyId, sharePolicy } = await authenticateApiKeyWithProfile(
          ctx.services.accounts,
          key,
        );
        const actor: Actor = {
          userId: caller.userId,
          brandId: caller.brandId,
          role: caller.role,
          requestId,
          profile,
        };
        // Read with the key: the share writes apply it without a lookup of their own.
        if (sharePolicy !== undefined) actor.sharePolicy = sharePolicy;
        return { actor, scope: keyId };
      } catch (error) {
        if (isDomainError(error) && error.code === "unauthorized") return authFailed(ctx, req);
        throw error;
      }
    }
    case "admin": {
      ctx.limits.authFailures.check(req.clientIp);
      const presented = bearerCredential(req.headers);
      if (ctx.isAdminToken(presented)) return { actor: null, scope: ADMIN_IDEMPOTENCY_SCOPE };
      if (presented === null) throw unauthorized();
      return authFailed(ctx, req);
    }
    case "none":
      return ANONYMOUS;
  }
};

const runRoute = async (
  ctx: RestContext,
  route: Route,
  rawParams: Record<string, string>,
  req: RestRequest,
  requestId: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string | null; viewedShareId: string | null }> => {
  const { actor, scope } = await identify(ctx, route, req, requestId, headers);

  const params =
    route.params && route.validateParams !== false
      ? parseParameters(route.params, rawParams, "path parameters")
      : rawParams;
  let query: unknown;
  if (route.query) query = parseParameters(route.query, queryObject(req.query), "query parameters");
  // Operational routes (health, the OpenAPI document) ignore a query string: probes and caches add them.
  else if (route.auth !== "none") refuseQuery(req.query);

  const idempotencyKey = scope === null ? null : idempotencyKeyOf(route.method, req.headers);

  let body: unknown;
  let bodyText = "";
  if (route.body) {
    const limit = route.bodyLimitBytes ?? (route.auth === "admin" ? ctx.maxAdminBodyBytes : ctx.maxBodyBytes);
    let text: string;
    try {
      text = await req.readBody(limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the upload is not worth reading on this connection.
        headers.Connection = "close";
        throw payloadTooLarge(limit);
      }
      throw error;
    }
    bodyText = text;
    body = parseJsonBody(route.body, text);
  }

  const execute = () => callRoute(route, { ctx, actor, params, query, body, requestId, req }, headers);
  if (idempotencyKey === null || scope === null) return execute();
  const answer = await runWithIdempotencyKey(
    ctx.services.idempotency,
    ctx.logger,
    { scope, key: idempotencyKey, method: route.method, path: req.path, query: req.query, body: bodyText },
    headers,
    requestId,
    // Failures are answers too (a 404 is kept and replayed); only a 5xx lets the key go.
    () => execute().catch((error: unknown) => failure(ctx, error, requestId, headers, route.path)),
  );
  return { ...answer, viewedShareId: null };
};

interface RouteCall {
  ctx: RestContext;
  actor: Actor | null;
  params: unknown;
  query: unknown;
  body: unknown;
  requestId: string;
  req: RestRequest;
}

const callRoute = async (
  route: Route,
  { ctx, actor, params, query, body, requestId, req }: RouteCall,
  headers: Record<string, string>,
): Promise<{ status: number; body: string | null; viewedShareId: string | null }> => {
  const result = await route.handle({
    ctx,
    actor,
    params,
    query,
    body,
    requestId,
    request: { headers: req.headers, clientIp: req.clientIp },
  });
  if (result.headers) Object.assign(headers, result.headers);
  const json = result.json ?? (result.body === undefined ? null : JSON.stringify(result.body));
  if (json === null) delete headers["Content-Type"];
  return { status: result.status, body: json, viewedShareId: result.viewedShareId ?? null };
};

const retryAfterOf = (error: DomainError): number => {
  const retryAfter = error.details?.retry_after;
  return typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter > 0
    ? retryAfter
    : SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS;
};

/** Any failure -> status + envelope. A 500 is always a bug and is logged (error serializer: no query text). */
const failure = (
  ctx: RestContext,
  thrown: unknown,
  requestId: string,
  headers: Record<string, string>,
  routePath: string,
): { status: number; body: string } => {
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
    } else if (domain.code === "service_unavailable" || domain.code === "rate_limit_exceeded") {
      const retryAfter = retryAfterOf(domain);
      error =
        domain.details?.retry_after === retryAfter
          ? domain
          : new DomainError(domain.code, domain.message, { ...domain.details, retry_after: retryAfter });
      headers["Retry-After"] = String(retryAfter);
      if (domain.code === "service_unavailable") {
        ctx.logger.warn({ err: thrown, request_id: requestId, route: routePath }, "service unavailable");
      }
    } else {
      error = domain;
    }
  }
  if (error.code === "unauthorized") headers["WWW-Authenticate"] = 'Bearer realm="sharelinks"';
  headers["Content-Type"] = JSON_TYPE;
  return { status: HTTP_STATUS_BY_CODE[error.code], body: errorEnvelope(error, requestId) };
};

/** An error answered before any route ran (the server's front door refused the request), in the envelope. */
export const errorResponse = (error: DomainError, requestId: string, path: string): RestResponse => {
  const headers = baseHeaders(requestId);
  if (PUBLIC_PATH.test(path)) addPublicHeaders(headers);
  return {
    status: HTTP_STATUS_BY_CODE[error.code],
    headers,
    body: errorEnvelope(error, requestId),
    route: null,
    requestId,
    viewedShareId: null,
  };
};
