import { randomUUID } from "node:crypto";
import { appRouter, createTRPCContext } from "@sharelinks/api";
import type { Services } from "@sharelinks/db";
import { type RestContext, resolveClientIp } from "@sharelinks/rest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Logger } from "pino";
import type { NodeHandler } from "./dispatch";
import type { AppConfig } from "./env";
import { sendWebResponse, toWebRequest } from "./node-fetch-bridge";
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from "./session-cookie";

interface TrpcHandlerOptions {
  config: AppConfig;
  services: Services;
  /** For the rate limiters it shares with the REST API (sign-in attempts per client IP). */
  rest: RestContext;
  logger: Logger;
}

/** `/api/trpc/*`: the web app's API, authenticated by the session cookie. */
export const createTrpcHandler = ({ config, services, rest, logger }: TrpcHandlerOptions): NodeHandler => {
  const secure = config.publicBaseUrl.startsWith("https://");
  return async (req, res) => {
    const requestId = randomUUID();
    const started = performance.now();
    const clientIp = resolveClientIp(req.socket.remoteAddress, req.headers, rest.trustProxyHops);
    try {
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: toWebRequest(req, config.publicBaseUrl),
        router: appRouter,
        createContext: ({ req: request, resHeaders }) =>
          createTRPCContext({
            services,
            sessionToken: readCookie(request.headers.get("cookie"), SESSION_COOKIE),
            requestId,
            publicBaseUrl: config.publicBaseUrl,
            setSessionCookie: (token, expiresAt) =>
              resHeaders.append("set-cookie", sessionCookie(token, expiresAt, secure)),
            clearSessionCookie: () => resHeaders.append("set-cookie", clearedSessionCookie(secure)),
            guardSignIn: () => rest.limits.signIn.take(clientIp, {}),
          }),
        onError: ({ error, path }) => {
          if (error.code === "INTERNAL_SERVER_ERROR")
            logger.error({ err: error, path, request_id: requestId }, "trpc error");
        },
      });
      response.headers.set("x-correlation-id", requestId);
      await sendWebResponse(res, response);
    } catch (error) {
      logger.error({ err: error, request_id: requestId }, "trpc transport failure");
      if (!res.headersSent)
        res.writeHead(500, { "content-type": "application/json", "x-correlation-id": requestId });
      res.end(JSON.stringify({ error: { message: "Internal server error" }, request_id: requestId }));
    } finally {
      logger.info({
        request_id: requestId,
        method: req.method,
        route: "/api/trpc",
        status: res.statusCode,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
      });
    }
  };
};
