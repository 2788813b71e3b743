import { describe, expect, it } from "vitest";
import { addDays, dayStartMs, daysBetween, utcDay } from "./day";

describe("UTC days", () => {
  it("names the UTC day of an instant", () => {
    expect(utcDay(Date.parse("2026-03-01T23:59:59.999Z"))).toBe("2026-03-01");
    expect(utcDay(Date.parse("2026-03-02T00:00:00.000Z"))).toBe("2026-03-02");
  });

  it("accepts real calendar dates only", () => {
    expect(dayStartMs("2024-02-29")).toBe(Date.parse("2024-02-29T00:00:00Z"));
    for (const bad of ["2026-02-30", "2026-13-01", "2026-3-1", "20260301", "", "2026-03-01T00:00:00Z"]) {
      expect(dayStartMs(bad)).toBeNull();
    }
  });

  it("moves and spans days across month and year ends", () => {
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(daysBetween("2025-12-30", "2026-01-02")).toEqual([
      "2025-12-30",
      "2025-12-31",
      "2026-01-01",
      "2026-01-02",
    ]);
    expect(daysBetween("2026-01-02", "2026-01-01")).toEqual([]);
  });
});
