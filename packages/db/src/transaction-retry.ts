import { serviceUnavailable } from "@sharelinks/core";
import { dbObserver } from "./observer";
import { isRetryableTransactionError, translateDbError } from "./pg-errors";

export interface RetryPolicy {
  /** Further attempts after the first one. */
  retries: number;
  /** Upper bound of the first backoff; each later one doubles it. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 25 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a whole transaction again when Postgres aborted it as a serialization
 * failure or deadlock victim (40001, 40P01): the work was sound, it merely
 * lost a race. Random ("full jitter") backoff keeps the racers from colliding
 * again in lockstep. When the retries run out the caller gets a 503, never a
 * 500: the request was fine and may be sent again.
 */
export const withTransactionRetry = async <T>(
  run: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isRetryableTransactionError(error)) throw translateDbError(error);
      if (attempt >= policy.retries) {
        dbObserver.error("serialization");
        const exhausted = serviceUnavailable(undefined, "The database is busy, please retry");
        (exhausted as { cause?: unknown }).cause = error;
        throw exhausted;
      }
      dbObserver.transactionRetry();
      await sleep(Math.random() * policy.baseDelayMs * 2 ** attempt);
    }
  }
};
