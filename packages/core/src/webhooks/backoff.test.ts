import { describe, expect, it } from "vitest";
import { DEFAULT_WEBHOOK_RETRY_POLICY, maxAttempts, nextAttemptAt } from "./backoff";

describe("retry schedule", () => {
  const now = new Date("2025-03-10T00:00:00.000Z");

  it("spreads eight attempts over about a day, each wait longer than the last", () => {
    const delays = DEFAULT_WEBHOOK_RETRY_POLICY.retryDelaysMs;
    expect(maxAttempts(DEFAULT_WEBHOOK_RETRY_POLICY)).toBe(8);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] as number);
    const total = delays.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThan(36);
  });

  it("adds at most 10% jitter and stops after the last attempt", () => {
    expect(nextAttemptAt(DEFAULT_WEBHOOK_RETRY_POLICY, 1, now, 0)?.toISOString()).toBe(
      "2025-03-10T00:00:05.000Z",
    );
    expect(nextAttemptAt(DEFAULT_WEBHOOK_RETRY_POLICY, 2, now, 0.999)?.getTime()).toBeLessThanOrEqual(
      now.getTime() + 330_000,
    );
    expect(nextAttemptAt(DEFAULT_WEBHOOK_RETRY_POLICY, 8, now, 0)).toBeNull();
  });
});
