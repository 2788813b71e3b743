import { describe, expect, it } from "vitest";
import {
  DEFAULT_EXPIRATION_DAYS,
  expiresAtFrom,
  isActiveAt,
  MAX_EXPIRATION_DAYS,
  MIN_EXPIRATION_DAYS,
} from "./expiry";

const now = new Date("2025-03-10T09:00:00.000Z");

describe("expiry bounds", () => {
  it("are 1..365 days with 30 by default", () => {
    expect([MIN_EXPIRATION_DAYS, MAX_EXPIRATION_DAYS, DEFAULT_EXPIRATION_DAYS]).toEqual([1, 365, 30]);
  });
});

describe("expiresAtFrom", () => {
  it.each([
    [1, "2025-03-11T09:00:00.000Z"],
    [30, "2025-04-09T09:00:00.000Z"],
    [365, "2026-03-10T09:00:00.000Z"],
  ])("adds %i whole 24-hour days to now", (days, expected) => {
    expect(expiresAtFrom(now, days).toISOString()).toBe(expected);
    expect(expiresAtFrom(now, days).getTime() - now.getTime()).toBe(days * 86_400_000);
  });

  it("keeps the milliseconds of now", () => {
    expect(expiresAtFrom(new Date("2025-03-10T09:00:00.123Z"), 1).toISOString()).toBe(
      "2025-03-11T09:00:00.123Z",
    );
  });

  it("does not mutate now", () => {
    const start = new Date(now);
    expiresAtFrom(start, 7);
    expect(start).toEqual(now);
  });
});

describe("isActiveAt", () => {
  const expiresAt = new Date("2025-04-09T09:00:00.000Z");

  it("is active before the expiry instant", () => {
    expect(isActiveAt(expiresAt, now)).toBe(true);
  });

  it("is still active at exactly the expiry instant", () => {
    expect(isActiveAt(expiresAt, new Date(expiresAt))).toBe(true);
  });

  it("is expired one millisecond past it", () => {
    expect(isActiveAt(expiresAt, new Date(expiresAt.getTime() + 1))).toBe(false);
  });
});
