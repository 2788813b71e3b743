import type { Services } from "@sharelinks/db";
import { createRateLimitStore, type EdgeLogger, type RateLimitStore } from "@sharelinks/edge";
import type { AppConfig } from "../env";
import { metricsOnMainPort } from "../metrics/metrics-endpoint";
import type { ServerMetrics } from "../metrics/server-metrics";
import { createNextSurface, type NextRequestHandler } from "../next-app";
import { createPublicPageSurface } from "../public-page";
import { RenderedPages } from "../rendered-pages";
import { createRestSurface } from "../rest";
import type { Tracing } from "../telemetry/tracing";
import { createTrpcSurface } from "../trpc";
import { createViewRecording, type ViewRecording } from "../view-recording";
import { createFrontDoor, type FrontDoor } from "./front-door";

export interface ServerFrontDoor extends FrontDoor {
  /** The one rate-limit store every surface counts in. */
  readonly limits: RateLimitStore;
  /** Public views counted in memory, flushed in batches. */
  readonly views: ViewRecording;
  /** Flushes the views recorded so far, then releases the store's Redis connection. */
  close(): Promise<void>;
}

export interface ServerFrontDoorOptions {
  config: AppConfig;
  services: Services;
  logger: EdgeLogger;
  /** The Next.js request handler (tests stand one in). */
  next: NextRequestHandler;
  dev?: boolean;
  /** Counter-key prefix of the rate-limit store (tests keep runs apart with it). */
  rateLimitKeyPrefix?: string;
  /** The metrics every request, limiter and the pool report to (none: not measured). */
  metrics?: ServerMetrics;
  /** Tracing, when OTEL_EXPORTER_OTLP_ENDPOINT turned it on. */
  tracing?: Tracing | null;
}

/**
 * The server's front door with its four surfaces wired to one rate-limit store
 * and one logger: what `main.ts` serves, and what the server tests run.
 */
export const createServerFrontDoor = (options: ServerFrontDoorOptions): ServerFrontDoor => {
  const { config, services, logger, metrics, tracing } = options;
  const limits = createRateLimitStore({
    settings: {
      perKeyPerMinute: config.rateLimitPerMinute,
      publicPerIpPerMinute: config.publicRateLimitPerMinute,
      authFailuresPerIpPerMinute: config.authFailureLimitPerMinute,
    },
    logger,
    ...(config.redisUrl !== undefined && { redisUrl: config.redisUrl }),
    ...(options.rateLimitKeyPrefix !== undefined && { keyPrefix: options.rateLimitKeyPrefix }),
    ...(metrics && { onRejected: metrics.onRateLimitRejected }),
  });
  const renderedPages = new RenderedPages(config.publicPageCacheBytes);
  const frontDoor = createFrontDoor({
    logger,
    trustProxyHops: config.trustProxyHops,
    ...(tracing && { around: tracing.around }),
    ...(metrics &&
      config.metricsToken !== undefined && {
        claim: metricsOnMainPort(metrics.registry, config.metricsToken),
      }),
    surfaces: {
      rest: createRestSurface({ config, services, limits, logger }),
      trpc: createTrpcSurface({ config, services, limits }),
      page: createPublicPageSurface({
        services,
        limits,
        serverSecret: config.shareTokenSecret,
        secureCookies: config.publicBaseUrl.startsWith("https://"),
        renderedPages,
      }),
      next: createNextSurface({ handle: options.next, dev: options.dev ?? false }),
    },
  });
  const views = createViewRecording({
    sink: services.viewSink,
    serverSecret: config.shareTokenSecret,
    logger,
  });
  if (tracing) frontDoor.onResponseFinished(tracing.onResponseFinished);
  frontDoor.onResponseFinished(views.onResponseFinished);
  if (metrics) {
    frontDoor.onResponseFinished(metrics.onResponseFinished);
    metrics.watch({
      inFlight: () => frontDoor.inFlight,
      pool: () => services.db.pool?.(),
      redisFallbackActive: () => limits.fallbackActive,
      renderedPages: () => renderedPages.stats(),
    });
  }
  return Object.assign(frontDoor, {
    limits,
    views,
    async close() {
      views.stop();
      try {
        await views.flush();
      } catch (error) {
        logger.error({ err: error, lost_views: views.recorder.pendingViews }, "final view flush failed");
      }
      await limits.close();
    },
  });
};
