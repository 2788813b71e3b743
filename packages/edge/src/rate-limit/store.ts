import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { EdgeLogger } from "../log/edge-logger";
import { credentialCounterKey, ipCounterKey } from "./counter-keys";
import { FailureThrottle } from "./failure-throttle";
import { type Consumer, Limit } from "./limit";
import { DEFAULT_RATE_LIMITS, RATE_LIMIT_WINDOW_SECONDS, type RateLimitSettings } from "./settings";

/**
 * Every rate limit of the service, over one store. The server makes exactly one
 * and hands each surface what it needs; the REST adapter makes its own only
 * when it runs standalone.
 */
export interface RateLimitStore {
  /** Per API key (REST), counted before the key is looked up. */
  readonly perKey: Limit;
  /** Per dashboard session (tRPC), counted under a hash of the session token. */
  readonly perSession: Limit;
  /** Per client IP on the public reads: `/v1/shared/{token}` and the `/shared/{token}` page. */
  readonly publicPerIp: Limit;
  /** Per client IP on the dashboard API (tRPC), signed in or not. */
  readonly dashboardPerIp: Limit;
  /** Failed password sign-ins per client IP. */
  readonly signInFailures: FailureThrottle;
  /** Failed API-key, admin-token and session authentications per client IP. */
  readonly authFailures: FailureThrottle;
  /** Wrong share-link passwords per client IP, and per link (subject: the share id). */
  readonly sharePasswordFailuresPerIp: FailureThrottle;
  readonly sharePasswordFailuresPerLink: FailureThrottle;
  readonly settings: Readonly<RateLimitSettings>;
  /** "memory", or "redis" when counters are shared through Redis. */
  readonly store: "memory" | "redis";
  /** True while Redis is configured but unreachable and counters fall back to process memory. */
  readonly fallbackActive: boolean;
  /** Resolves true once the store is usable (at once for memory), false if not within `timeoutMs`. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface RateLimitStoreOptions {
  settings?: Partial<RateLimitSettings>;
  logger: EdgeLogger;
  /** Counters live in Redis (shared by every instance) when set; in process memory otherwise. */
  redisUrl?: string;
  /** Namespaces the counter keys; tests use a unique one per run. */
  keyPrefix?: string;
  /** Told of every refused request, with the limiter's name (metrics). */
  onRejected?: (limiter: string) => void;
}

const assertPoints = (value: number, name: string) => {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${value}`);
};

const settled = (partial: Partial<RateLimitSettings> = {}): RateLimitSettings => {
  const settings = { ...DEFAULT_RATE_LIMITS };
  for (const [name, value] of Object.entries(partial) as [keyof RateLimitSettings, number | undefined][]) {
    if (value !== undefined) settings[name] = value;
  }
  for (const [name, value] of Object.entries(settings)) assertPoints(value, name);
  return settings;
};

export const createRateLimitStore = (options: RateLimitStoreOptions): RateLimitStore => {
  const settings = settled(options.settings);
  const { logger } = options;
  const prefix = options.keyPrefix ?? "sharelinks";

  let make: (points: number, keyPrefix: string) => Consumer;
  let ready: RateLimitStore["ready"] = async () => true;
  let close: RateLimitStore["close"] = async () => {};
  let fallbackActive = () => false;
  if (options.redisUrl) {
    // No offline queue: while Redis is away a command fails at once and the
    // in-memory insurance limiter answers instead, so an outage never stalls or 500s.
    const client = new Redis(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
    });
    let reportedDown = false;
    // Until the first connection is up, the insurance limiters answer too.
    fallbackActive = () => client.status !== "ready";
    client.on("error", (err: Error) => {
      if (reportedDown) return;
      reportedDown = true;
      logger.warn({ err }, "redis unavailable; rate limits fall back to process memory");
    });
    client.on("ready", () => {
      reportedDown = false;
    });
    make = (points, keyPrefix) =>
      new RateLimiterRedis({
        storeClient: client,
        points,
        duration: RATE_LIMIT_WINDOW_SECONDS,
        keyPrefix,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: RATE_LIMIT_WINDOW_SECONDS, keyPrefix }),
      });
    ready = (timeoutMs = 2_000) =>
      new Promise<boolean>((resolve) => {
        if (client.status === "ready") {
          resolve(true);
          return;
        }
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          client.off("ready", onReady);
          resolve(false);
        }, timeoutMs);
        client.once("ready", onReady);
      });
    close = async () => {
      if (client.status === "ready") await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    };
  } else {
    make = (points, keyPrefix) =>
      new RateLimiterMemory({ points, duration: RATE_LIMIT_WINDOW_SECONDS, keyPrefix });
  }

  const limit = (points: number, name: string, counterKey: (subject: string) => string) =>
    new Limit(make(points, `${prefix}:${name}`), points, counterKey, logger, name, options.onRejected);
  const failures = (points: number, name: string, counterKey: (subject: string) => string = ipCounterKey) =>
    new FailureThrottle(
      make(points, `${prefix}:${name}`),
      points,
      counterKey,
      logger,
      name,
      options.onRejected,
    );

  return {
    perKey: limit(settings.perKeyPerMinute, "key", credentialCounterKey),
    perSession: limit(settings.perKeyPerMinute, "session", credentialCounterKey),
    publicPerIp: limit(settings.publicPerIpPerMinute, "ip", ipCounterKey),
    dashboardPerIp: limit(settings.perKeyPerMinute, "dashboard-ip", ipCounterKey),
    signInFailures: failures(settings.signInPerIpPerMinute, "signin-failures"),
    authFailures: failures(settings.authFailuresPerIpPerMinute, "auth-failures"),
    sharePasswordFailuresPerIp: failures(settings.sharePasswordFailuresPerIpPerMinute, "share-password-ip"),
    sharePasswordFailuresPerLink: failures(
      settings.sharePasswordFailuresPerLinkPerMinute,
      "share-password-link",
      (shareId) => shareId,
    ),
    settings,
    store: options.redisUrl ? "redis" : "memory",
    get fallbackActive() {
      return fallbackActive();
    },
    ready,
    close,
  };
};
