import type { Clock } from "../clock";

export interface FakeClock extends Clock {
  set(date: Date | string): void;
  /** Moves time forward (or back, with a negative value) and returns the new now. */
  advance(ms: number): Date;
}

export const DEFAULT_TEST_NOW = "2025-03-10T09:00:00.000Z";

/**
 * Time only moves when a test says so, which is what lets expiry be checked
 * at the exact millisecond. Every `now()` is a fresh Date so a caller that
 * mutates it cannot move the clock by accident.
 */
export const createFakeClock = (start: Date | string = DEFAULT_TEST_NOW): FakeClock => {
  let current = toMillis(start);
  return {
    now: () => new Date(current),
    set(date) {
      current = toMillis(date);
    },
    advance(ms) {
      current += ms;
      return new Date(current);
    },
  };
};

const toMillis = (date: Date | string): number => {
  const ms = new Date(date).getTime();
  if (Number.isNaN(ms)) throw new Error(`createFakeClock: not a valid date: ${String(date)}`);
  return ms;
};
