import { createAdminTokenCheck } from "./auth";
import { buildOpenApiDocument } from "./openapi";
import {
  createRateLimiters,
  DEFAULT_RATE_LIMITS,
  type RateLimiters,
  type RateLimitSettings,
} from "./rate-limit";
import type { Route } from "./route";
import { Router } from "./router";
import { routes as defaultRoutes } from "./routes";
import type { RestLogger, RestServices } from "./types";

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
  logger: RestLogger;
  /** Per-minute limits; defaults 600 per API key, 300 per client IP on the public route. */
  rateLimits?: Partial<RateLimitSettings>;
  /** REDIS_URL: rate-limit counters shared through Redis instead of process memory. */
  redisUrl?: string;
  /** Prefix of the rate-limit counter keys (a unique one per test run keeps runs apart). */
  rateLimitKeyPrefix?: string;
  /**
   * How many reverse proxies in front of this server append to X-Forwarded-For.
   * 0 (default): the socket's peer address is the client.
   */
  trustProxyHops?: number;
  maxBodyBytes?: number;
  maxAdminBodyBytes?: number;
  /** How long /readyz waits for the database ping. */
  readyTimeoutMs?: number;
}

export interface RestContext {
  readonly services: RestServices;
  readonly publicBaseUrl: string;
  readonly logger: RestLogger;
  readonly router: Router;
  readonly limits: RateLimiters;
  readonly isAdminToken: (presented: string | null) => boolean;
  readonly trustProxyHops: number;
  readonly maxBodyBytes: number;
  readonly maxAdminBodyBytes: number;
  readonly readyTimeoutMs: number;
  /** The OpenAPI document, serialized once at startup. */
  readonly openApiJson: string;
  /** Releases the Redis connection, if any. The services are the caller's to close. */
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
  const limits = createRateLimiters({
    settings: { ...DEFAULT_RATE_LIMITS, ...stripUndefined(options.rateLimits ?? {}) },
    logger: options.logger,
    ...(options.redisUrl !== undefined && { redisUrl: options.redisUrl }),
    ...(options.rateLimitKeyPrefix !== undefined && { keyPrefix: options.rateLimitKeyPrefix }),
  });
  const router = new Router(routes);
  return {
    services: options.services,
    publicBaseUrl,
    logger: options.logger,
    router,
    limits,
    isAdminToken: createAdminTokenCheck(options.adminToken),
    trustProxyHops: options.trustProxyHops ?? 0,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxAdminBodyBytes: options.maxAdminBodyBytes ?? DEFAULT_MAX_ADMIN_BODY_BYTES,
    readyTimeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    openApiJson: JSON.stringify(buildOpenApiDocument(routes, { serverUrl: publicBaseUrl })),
    close: () => limits.close(),
  };
};

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
