/**
 * When a failed delivery is tried again, and when an endpoint gives up.
 * The schedule is Standard Webhooks' usual one: attempt 1 at once, then after
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h: eight attempts over about 28 h
 * (a receiver down for a day still gets everything).
 */
export interface WebhookRetryPolicy {
  /** Delay before attempt n+2 after attempt n+1 failed; its length + 1 is the number of attempts. */
  retryDelaysMs: readonly number[];
  /** Deliveries in a row that used every attempt without any success in between: then the endpoint is disabled. */
  disableAfterFailedDeliveries: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const DEFAULT_WEBHOOK_RETRY_POLICY: WebhookRetryPolicy = {
  retryDelaysMs: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
  disableAfterFailedDeliveries: 5,
};

export const maxAttempts = (policy: WebhookRetryPolicy) => policy.retryDelaysMs.length + 1;

/**
 * When to try again after `attempts` attempts all failed, or null when that
 * was the last one. Up to 10% jitter spreads the retries of many deliveries
 * that failed together (`random01` in [0, 1)).
 */
export const nextAttemptAt = (
  policy: WebhookRetryPolicy,
  attempts: number,
  now: Date,
  random01: number,
): Date | null => {
  const delay = policy.retryDelaysMs[attempts - 1];
  if (delay === undefined) return null;
  return new Date(now.getTime() + Math.round(delay * (1 + 0.1 * random01)));
};
