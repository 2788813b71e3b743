import { describe, expect, it } from "vitest";
import { createFakeClock, DEFAULT_TEST_NOW } from "./fake-clock";

describe("createFakeClock", () => {
  it("stands still until told to move", () => {
    const clock = createFakeClock("2025-01-01T00:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("defaults to a fixed instant", () => {
    expect(createFakeClock().now().toISOString()).toBe(DEFAULT_TEST_NOW);
  });

  it("advances by milliseconds and returns the new now", () => {
    const clock = createFakeClock("2025-01-01T00:00:00.000Z");
    expect(clock.advance(1).toISOString()).toBe("2025-01-01T00:00:00.001Z");
    clock.advance(-2);
    expect(clock.now().toISOString()).toBe("2024-12-31T23:59:59.999Z");
  });

  it("can be set to any instant", () => {
    const clock = createFakeClock();
    clock.set(new Date("2030-06-01T12:00:00.000Z"));
    expect(clock.now().toISOString()).toBe("2030-06-01T12:00:00.000Z");
    clock.set("2020-02-29T00:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2020-02-29T00:00:00.000Z");
  });

  it("hands out copies, so mutating one does not move the clock", () => {
    const clock = createFakeClock("2025-01-01T00:00:00.000Z");
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("refuses an invalid date", () => {
    expect(() => createFakeClock("not a date")).toThrow(/not a valid date/);
    expect(() => createFakeClock().set("nope")).toThrow(/not a valid date/);
  });
});
