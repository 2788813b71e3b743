import type { IncomingMessage, ServerResponse } from "node:http";
import {
  appRouter,
  createTRPCContext,
  type RequestGuards,
  type TRPCContext,
  toTRPCError,
} from "@sharelinks/api";
import { domainErrorOf, isDomainError } from "@sharelinks/core";
import type { Services } from "@sharelinks/db";
import type { RateLimitStore, RequestContext } from "@sharelinks/edge";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { AppConfig } from "./env";
import { DASHBOARD_API_CSP, DASHBOARD_HEADERS } from "./front-door/security-headers";
import type { Done, SurfaceHandler } from "./front-door/surface";
import { TRPC_ENDPOINT } from "./front-door/surface-of";
import { sendWebResponse, toWebRequest } from "./node-fetch-bridge";
import { crossOriginProblem } from "./same-origin";
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from "./session-cookie";

/** The dashboard API's body limit. */
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;
/** Procedures per batched request: each is a database call. */
export const TRPC_MAX_BATCH_SIZE = 20;

/** Every dashboard API response: the dashboard's headers, JSON-only CSP, never cached (some carry tokens). */
const RESPONSE_HEADERS: Record<string, string> = {
  ...DASHBOARD_HEADERS,
  "Content-Security-Policy": DASHBOARD_API_CSP,
  "Cache-Control": "no-store",
};

const retryAfterOf = (errors: readonly TRPCError[]): number | null => {
  for (const error of errors) {
    const retryAfter = domainErrorOf(error)?.details?.retry_after;
    if (typeof retryAfter === "number" && retryAfter > 0) return retryAfter;
  }
  return null;
};

/**
 * `/api/trpc/*`: the dashboard's API on the front door. Before any procedure
 * runs (in tRPC's context step, so refusals come back in tRPC's error shape,
 * one per batched call): the body limit, the same-origin rule for mutations,
 * and the per-IP and per-session budgets, counted per procedure call. Inside
 * the procedures: the failure budgets of sign-in and session authentication.
 */
export const createTrpcSurface = ({
  config,
  services,
  limits,
}: {
  config: AppConfig;
  services: Services;
  limits: RateLimitStore;
}): SurfaceHandler => {
  const secure = config.publicBaseUrl.startsWith("https://");
  const publicOrigin = new URL(config.publicBaseUrl).origin;

  const guardsFor = (clientIp: string): RequestGuards => ({
    authFailures: {
      check: () => limits.authFailures.check(clientIp),
      fail: () => limits.authFailures.fail(clientIp),
    },
    signInFailures: {
      check: () => limits.signInFailures.check(clientIp),
      fail: () => limits.signInFailures.fail(clientIp),
    },
  });

  const run = (
    req: IncomingMessage,
    res: ServerResponse,
    context: RequestContext,
    request: Request,
    tooLargeLimit: number | null,
    done: Done,
  ) => {
    context.route = TRPC_ENDPOINT;
    const sessionToken = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req: request,
      router: appRouter,
      maxBatchSize: TRPC_MAX_BATCH_SIZE,
      createContext: async ({ info, resHeaders }): Promise<TRPCContext> => {
        if (tooLargeLimit !== null) {
          throw new TRPCError({
            code: "PAYLOAD_TOO_LARGE",
            message: `Request body exceeds ${tooLargeLimit} bytes`,
          });
        }
        if (info.type === "mutation" || req.method === "POST") {
          const problem = crossOriginProblem(req.headers, publicOrigin);
          if (problem) {
            const code = problem.startsWith("Mutations must be JSON")
              ? "UNSUPPORTED_MEDIA_TYPE"
              : "FORBIDDEN";
            throw new TRPCError({ code, message: problem });
          }
        }
        const rateHeaders: Record<string, string> = {};
        try {
          const calls = Math.max(1, info.calls.length);
          await limits.dashboardPerIp.take(context.clientIp, rateHeaders, calls);
          if (sessionToken) await limits.perSession.take(sessionToken, rateHeaders, calls);
        } catch (error) {
          if (isDomainError(error)) throw toTRPCError(error);
          throw error;
        } finally {
          // Retry-After comes from responseMeta, the one place every 429 gets it (copying it here too sent "59, 59").
          for (const [name, value] of Object.entries(rateHeaders))
            if (name !== "Retry-After") resHeaders.set(name, value);
        }
        return createTRPCContext({
          services,
          sessionToken,
          requestId: context.requestId,
          publicBaseUrl: config.publicBaseUrl,
          setSessionCookie: (token, expiresAt) =>
            resHeaders.append("set-cookie", sessionCookie(token, expiresAt, secure)),
          clearSessionCookie: () => resHeaders.append("set-cookie", clearedSessionCookie(secure)),
          guards: guardsFor(context.clientIp),
        });
      },
      responseMeta: ({ errors }) => {
        const retryAfter = retryAfterOf(errors);
        return retryAfter === null ? {} : { headers: new Headers([["retry-after", String(retryAfter)]]) };
      },
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") context.log.error({ err: error, path }, "trpc error");
      },
    })
      .then((response) => sendWebResponse(res, response, RESPONSE_HEADERS))
      .catch((error: unknown) => {
        context.log.error({ err: error }, "trpc transport failure");
        if (!res.headersSent) {
          res.writeHead(500, { ...RESPONSE_HEADERS, "Content-Type": "application/json" });
          res.end(
            JSON.stringify({ error: { message: "Internal server error" }, request_id: context.requestId }),
          );
        } else res.destroy();
      })
      .finally(() => {
        context.status = res.statusCode;
        done(context);
      });
  };

  return {
    name: "trpc",
    readsBodyItself: false,
    bodyLimit: () => TRPC_MAX_BODY_BYTES,
    serve(req, res, context, target, body, done) {
      res.setHeader("X-Correlation-ID", context.requestId);
      run(req, res, context, toWebRequest(req, target, config.publicBaseUrl, body), null, done);
    },
    refuseTooLarge(req, res, context, limitBytes, done) {
      res.setHeader("X-Correlation-ID", context.requestId);
      res.setHeader("Connection", "close");
      // Answered by tRPC itself, so the error has its usual shape: an empty JSON request that fails in the context step.
      const request = toWebRequest(req, context.path, config.publicBaseUrl, null, {
        "content-type": "application/json",
      });
      run(req, res, context, request, limitBytes, done);
    },
  };
};
