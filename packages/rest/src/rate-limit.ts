import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimitExceeded } from "./errors";
import type { RestLogger } from "./types";

export interface RateLimitSettings {
  /** Requests per API key per minute on authenticated routes (RATE_LIMIT_PER_MINUTE). */
  perKeyPerMinute: number;
  /** Requests per client IP per minute on the public share route (PUBLIC_RATE_LIMIT_PER_MINUTE). */
  publicPerIpPerMinute: number;
  /** Password sign-in attempts per client IP per minute: slows password guessing. */
  signInPerIpPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  perKeyPerMinute: 600,
  publicPerIpPerMinute: 300,
  signInPerIpPerMinute: 10,
};

const WINDOW_SECONDS = 60;

interface Consumer {
  consume(key: string): Promise<RateLimiterRes>;
}

/**
 * One fixed-window counter family (per API key, or per client IP) and the
 * headers it reports. Callers pass the raw subject (the key, the address);
 * `counterKey` turns it into what the store sees, so a store never holds a key.
 */
export class Limit {
  private readonly limitHeader: string;
  constructor(
    private readonly limiter: Consumer,
    readonly points: number,
    private readonly counterKey: (subject: string) => string,
    private readonly logger: RestLogger,
    private readonly name: string,
  ) {
    this.limitHeader = String(points);
  }

  /**
   * Counts one request for `subject`, writes `RateLimit-*` into `headers`, and throws
   * 429 `rate_limit_exceeded` (with `Retry-After`) once the window is spent.
   * A store failure without insurance fails open: availability over strictness.
   */
  async take(subject: string, headers: Record<string, string>): Promise<void> {
    let res: RateLimiterRes;
    let limited = false;
    try {
      res = await this.limiter.consume(this.counterKey(subject));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        this.logger.warn(
          { err: rejection, limiter: this.name },
          "rate limiter store failed; request allowed",
        );
        return;
      }
      res = rejection;
      limited = true;
    }
    const resetSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    headers["RateLimit-Limit"] = this.limitHeader;
    headers["RateLimit-Remaining"] = String(Math.max(0, res.remainingPoints));
    headers["RateLimit-Reset"] = String(resetSeconds);
    if (limited) {
      headers["Retry-After"] = String(resetSeconds);
      throw rateLimitExceeded(resetSeconds);
    }
  }
}

export interface RateLimiters {
  perKey: Limit;
  perIp: Limit;
  signIn: Limit;
  /** "memory", or "redis" when counters are shared through Redis. */
  store: "memory" | "redis";
  /** Resolves true once the store is usable (at once for memory), false if not within `timeoutMs`. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  settings: RateLimitSettings;
  logger: RestLogger;
  /** Counters live in Redis (shared by every instance) when set; in process memory otherwise. */
  redisUrl?: string;
  /** Namespaces the Redis keys; tests use a unique one per run. */
  keyPrefix?: string;
}

const assertPoints = (value: number, name: string) => {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${value}`);
};

export const createRateLimiters = (options: RateLimiterOptions): RateLimiters => {
  const { settings, logger } = options;
  assertPoints(settings.perKeyPerMinute, "perKeyPerMinute");
  assertPoints(settings.publicPerIpPerMinute, "publicPerIpPerMinute");
  assertPoints(settings.signInPerIpPerMinute, "signInPerIpPerMinute");
  const prefix = options.keyPrefix ?? "sharelinks";

  if (!options.redisUrl) {
    const memory = (points: number, keyPrefix: string) =>
      new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix });
    return {
      perKey: new Limit(
        memory(settings.perKeyPerMinute, `${prefix}:key`),
        settings.perKeyPerMinute,
        apiKeyCounterKey,
        logger,
        "per_key",
      ),
      perIp: new Limit(
        memory(settings.publicPerIpPerMinute, `${prefix}:ip`),
        settings.publicPerIpPerMinute,
        ipCounterKey,
        logger,
        "per_ip",
      ),
      signIn: new Limit(
        memory(settings.signInPerIpPerMinute, `${prefix}:signin`),
        settings.signInPerIpPerMinute,
        ipCounterKey,
        logger,
        "sign_in",
      ),
      store: "memory",
      ready: async () => true,
      close: async () => {},
    };
  }

  // No offline queue: while Redis is away a command fails at once and the
  // in-memory insurance limiter answers instead, so an outage never stalls or 500s.
  const client = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  let reportedDown = false;
  client.on("error", (err: Error) => {
    if (reportedDown) return;
    reportedDown = true;
    logger.warn(
      { err: { message: err.message } },
      "redis unavailable; rate limits fall back to process memory",
    );
  });
  client.on("ready", () => {
    reportedDown = false;
  });
  const redis = (points: number, keyPrefix: string) =>
    new RateLimiterRedis({
      storeClient: client,
      points,
      duration: WINDOW_SECONDS,
      keyPrefix,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix }),
    });
  return {
    perKey: new Limit(
      redis(settings.perKeyPerMinute, `${prefix}:key`),
      settings.perKeyPerMinute,
      apiKeyCounterKey,
      logger,
      "per_key",
    ),
    perIp: new Limit(
      redis(settings.publicPerIpPerMinute, `${prefix}:ip`),
      settings.publicPerIpPerMinute,
      ipCounterKey,
      logger,
      "per_ip",
    ),
    signIn: new Limit(
      redis(settings.signInPerIpPerMinute, `${prefix}:signin`),
      settings.signInPerIpPerMinute,
      ipCounterKey,
      logger,
      "sign_in",
    ),
    store: "redis",
    ready: (timeoutMs = 2_000) =>
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
      }),
    close: async () => {
      if (client.status === "ready") await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
};

/** Counters are keyed by a hash of the API key: the key itself never reaches the store. */
export const apiKeyCounterKey = (apiKey: string) =>
  createHash("sha256").update("sharelinks-rate-limit:").update(apiKey).digest("base64url");

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The counter key for a client address. IPv6 clients are counted per /64, the
 * block one subscriber usually holds, so rotating addresses inside it does not
 * multiply the budget.
 */
export const ipCounterKey = (ip: string): string => {
  if (!ip.includes(":")) return ip;
  const mapped = IPV4_MAPPED.exec(ip);
  if (mapped) return mapped[1] as string;
  const address = ip.split("%")[0] as string;
  const [head = "", tail] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
};
