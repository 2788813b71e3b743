import {
  createBotClassifier,
  createRateLimitStore,
  type EdgeLogger,
  type RateLimitSettings,
  type RateLimitStore,
  sharePasswordGuard,
} from "@sharelinks/edge";
import { bearerCredential, createAdminTokenCheck } from "./auth";
import { buildOpenApiDocument } from "./openapi";
import type { Route, RouteContext } from "./route";
import { Router } from "./router";
import { routes as defaultRoutes } from "./routes";
import type { RestHeaders, RestServices } from "./types";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Provisioning uploads carry report results (up to 10,000 rows), so they get more room. */
export const DEFAULT_MAX_ADMIN_BODY_BYTES = 32 * 1024 * 1024;
export const DEFAULT_READY_TIMEOUT_MS = 1_000;

export interface RestContextOptions {
  /** `createServices(db, ...)` from `@sharelinks/db`, or anything of that shape. */
  services: RestServices;
  /** PUBLIC_BASE_URL: share links are `${publicBaseUrl}/shared/${token}`. */
  publicBaseUrl: string;
  /** ADMIN_TOKEN for `/v1/admin/*`. An empty string disables the admin API (every call 401). */
  adminToken: string;
  /** A pino logger, or anything with info/warn/error. */
  logger: EdgeLogger;
  /**
   * The rate-limit store to count in. The server passes the one its front door
   * shares with every surface; standalone, the adapter makes its own from the
   * three options below (and closes it in `close()`).
   */
  limits?: RateLimitStore;
  /** Per-minute limits for a store of the adapter's own; defaults in `@sharelinks/edge`'s DEFAULT_RATE_LIMITS. */
  rateLimits?: Partial<RateLimitSettings>;
  /** REDIS_URL: counters of the adapter's own store shared through Redis instead of process memory. */
  redisUrl?: string;
  /** Prefix of the counter keys of the adapter's own store (a unique one per test run keeps runs apart). */
  rateLimitKeyPrefix?: string;
  /**
   * For the adapter's own transports: how many reverse proxies in front append
   * to X-Forwarded-For (0, the default: the socket's peer is the client). Behind
   * the server's front door the front door decides the client address.
   */
  trustProxyHops?: number;
  maxBodyBytes?: number;
  maxAdminBodyBytes?: number;
  /** How long /readyz waits for the database ping. */
  readyTimeoutMs?: number;
  /** The server's shutdown state: while true, `/readyz` answers 503 (graceful drain). */
  draining?: () => boolean;
}

export interface RestContext extends RouteContext {
  readonly logger: EdgeLogger;
  readonly router: Router;
  readonly limits: RateLimitStore;
  readonly isAdminToken: (presented: string | null) => boolean;
  readonly trustProxyHops: number;
  readonly maxBodyBytes: number;
  readonly maxAdminBodyBytes: number;
  /**
   * The largest body any route under `path` accepts from this caller: what a
   * front door may read before handing over. The admin API's larger limit only
   * for a request carrying the admin token: anyone else would be refused 401
   * anyway, and must not make the server hold 32 MiB first.
   */
  bodyLimitFor(path: string, headers: RestHeaders): number;
  /** Releases the adapter's own rate-limit store (its Redis connection), if it made one. */
  close(): Promise<void>;
}

const normalizeBaseUrl = (value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`publicBaseUrl must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`publicBaseUrl must be http(s), got "${value}"`);
  }
  if (url.search || url.hash) throw new Error("publicBaseUrl must not carry a query or fragment");
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
};

export const createRestContext = (
  options: RestContextOptions,
  routes: readonly Route[] = defaultRoutes,
): RestContext => {
  const publicBaseUrl = normalizeBaseUrl(options.publicBaseUrl);
  const ownLimits = options.limits === undefined;
  const limits =
    options.limits ??
    createRateLimitStore({
      ...(options.rateLimits !== undefined && { settings: options.rateLimits }),
      logger: options.logger,
      ...(options.redisUrl !== undefined && { redisUrl: options.redisUrl }),
      ...(options.rateLimitKeyPrefix !== undefined && { keyPrefix: options.rateLimitKeyPrefix }),
    });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxAdminBodyBytes = options.maxAdminBodyBytes ?? DEFAULT_MAX_ADMIN_BODY_BYTES;
  const isAdminToken = createAdminTokenCheck(options.adminToken);
  return {
    services: options.services,
    publicBaseUrl,
    logger: options.logger,
    router: new Router(routes),
    limits,
    isAdminToken,
    trustProxyHops: options.trustProxyHops ?? 0,
    maxBodyBytes,
    maxAdminBodyBytes,
    bodyLimitFor: (path, headers) =>
      path.startsWith("/v1/admin/") && isAdminToken(bearerCredential(headers))
        ? maxAdminBodyBytes
        : maxBodyBytes,
    readyTimeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    draining: options.draining ?? (() => false),
    openApiJson: JSON.stringify(buildOpenApiDocument(routes, { serverUrl: publicBaseUrl })),
    protection: {
      guardFor: (clientIp) => sharePasswordGuard(limits, clientIp),
      isBot: createBotClassifier(),
    },
    close: () => (ownLimits ? limits.close() : Promise.resolve()),
  };
};
