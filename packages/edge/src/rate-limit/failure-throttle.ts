import { rateLimitExceeded } from "@sharelinks/core";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { EdgeLogger } from "../log/edge-logger";
import type { Consumer } from "./limit";

const MAX_BLOCKED = 10_000;

/**
 * A budget of *failures* (wrong passwords, unknown API keys): successes cost
 * nothing. Once a subject has failed `points` times in a window, `check`
 * refuses it, right or wrong, until the window ends, so guessing cannot go on
 * and a correct guess is not confirmed either.
 *
 * Failures are counted in the shared store (Redis across instances); the
 * refusal itself is kept in this process, so `check` is a map lookup and costs
 * a legitimate request no store round trip. Another instance learns of the
 * block at the subject's next failure there: at most one extra guess per
 * instance and window.
 */
export class FailureThrottle {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly limiter: Consumer,
    readonly points: number,
    private readonly counterKey: (subject: string) => string,
    private readonly logger: EdgeLogger,
    readonly name: string,
    /** Told of every refusal (metrics: rejections by limiter). */
    private readonly onRejected?: (limiter: string) => void,
  ) {}

  /** Throws 429 `rate_limit_exceeded` (with `details.retry_after`) while `subject` is refused. */
  check(subject: string): void {
    if (this.blockedUntil.size === 0) return;
    const key = this.counterKey(subject);
    const until = this.blockedUntil.get(key);
    if (until === undefined) return;
    const left = until - Date.now();
    if (left <= 0) {
      this.blockedUntil.delete(key);
      return;
    }
    this.onRejected?.(this.name);
    throw rateLimitExceeded(Math.max(1, Math.ceil(left / 1000)), "Too many failed attempts; try again later");
  }

  /** Counts one failure for `subject`; the one that spends the budget starts the refusal. */
  async fail(subject: string): Promise<void> {
    const key = this.counterKey(subject);
    let res: RateLimiterRes;
    try {
      res = await this.limiter.consume(key, 1);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        this.logger.warn(
          { err: rejection, limiter: this.name },
          "rate limiter store failed; failure not counted",
        );
        return;
      }
      res = rejection;
    }
    if (res.consumedPoints >= this.points) this.block(key, Date.now() + Math.max(1000, res.msBeforeNext));
  }

  private block(key: string, until: number) {
    if (this.blockedUntil.size >= MAX_BLOCKED) {
      const now = Date.now();
      for (const [other, otherUntil] of this.blockedUntil)
        if (otherUntil <= now) this.blockedUntil.delete(other);
    }
    this.blockedUntil.set(key, until);
  }
}
