import type { Services } from "@sharelinks/db";
import { createNodeHandler, createRestContext, type RestContext } from "@sharelinks/rest";
import type { Logger } from "pino";
import type { NodeHandler } from "./dispatch";
import type { AppConfig } from "./env";

export interface RestMount {
  ctx: RestContext;
  handle: NodeHandler;
  close(): Promise<void>;
}

/** `/v1/*`, `/healthz`, `/readyz`: the REST adapter, mounted straight on node:http. */
export const createRestMount = ({
  config,
  services,
  logger,
}: {
  config: AppConfig;
  services: Services;
  logger: Logger;
}): RestMount => {
  const ctx = createRestContext({
    services,
    publicBaseUrl: config.publicBaseUrl,
    adminToken: config.adminToken,
    logger,
    rateLimits: {
      perKeyPerMinute: config.rateLimitPerMinute,
      publicPerIpPerMinute: config.publicRateLimitPerMinute,
    },
    ...(config.redisUrl !== undefined && { redisUrl: config.redisUrl }),
    trustProxyHops: config.trustProxyHops,
  });
  return { ctx, handle: createNodeHandler(ctx), close: () => ctx.close() };
};
