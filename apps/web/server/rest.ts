import { payloadTooLarge } from "@sharelinks/core";
import type { Services } from "@sharelinks/db";
import { type EdgeLogger, queryOf, type RateLimitStore } from "@sharelinks/edge";
import { createRestContext, type RestContext, sendRestError, serveNodeRequest } from "@sharelinks/rest";
import { drainState } from "./drain-state";
import type { AppConfig } from "./env";
import type { SurfaceHandler } from "./front-door/surface";

/**
 * `/v1/*`, `/healthz`, `/readyz`: the REST adapter on the front door. It counts
 * in the front door's rate-limit store; request id, client address, body limit
 * and the access log come from the front door.
 */
export const createRestSurface = ({
  config,
  services,
  limits,
  logger,
}: {
  config: AppConfig;
  services: Services;
  limits: RateLimitStore;
  logger: EdgeLogger;
}): SurfaceHandler & { rest: RestContext } => {
  const rest = createRestContext({
    services,
    publicBaseUrl: config.publicBaseUrl,
    adminToken: config.adminToken,
    draining: () => drainState.draining,
    logger,
    limits,
  });
  return {
    name: "rest",
    rest,
    readsBodyItself: false,
    bodyLimit: (path, headers) => rest.bodyLimitFor(path, headers),
    serve(req, res, context, target, body, done) {
      serveNodeRequest(rest, req, res, context, queryOf(target), body, done);
    },
    refuseTooLarge(_req, res, context, limitBytes, done) {
      res.setHeader("Connection", "close");
      sendRestError(res, context, payloadTooLarge(limitBytes));
      done(context);
    },
  };
};
