import { rateLimitExceeded } from "@sharelinks/core";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { EdgeLogger } from "../log/edge-logger";

/** The part of a rate-limiter-flexible limiter a Limit uses. */
export interface Consumer {
  consume(key: string, points?: number): Promise<RateLimiterRes>;
}

/**
 * One fixed-window budget (per API key, per client IP...) and the headers it
 * reports. Callers pass the raw subject (the key, the address); `counterKey`
 * turns it into what the store sees, so a store never holds a credential.
 */
export class Limit {
  private readonly limitHeader: string;

  constructor(
    private readonly limiter: Consumer,
    readonly points: number,
    private readonly counterKey: (subject: string) => string,
    private readonly logger: EdgeLogger,
    readonly name: string,
    /** Told of every refusal (metrics: rejections by limiter). */
    private readonly onRejected?: (limiter: string) => void,
  ) {
    this.limitHeader = String(points);
  }

  /**
   * Counts `cost` requests for `subject`, writes `RateLimit-*` into `headers`,
   * and throws 429 `rate_limit_exceeded` (`details.retry_after`, and a
   * `Retry-After` header) once the window is spent. A store failure without
   * insurance fails open: availability over strictness, and it is logged.
   */
  async take(subject: string, headers: Record<string, string>, cost = 1): Promise<void> {
    let res: RateLimiterRes;
    let limited = false;
    try {
      res = await this.limiter.consume(this.counterKey(subject), cost);
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
      this.onRejected?.(this.name);
      headers["Retry-After"] = String(resetSeconds);
      throw rateLimitExceeded(resetSeconds);
    }
  }
}
