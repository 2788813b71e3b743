import { describe, expect, it } from "vitest";
import { personName, relativeTime } from "./format";

const NOW = new Date("2026-03-01T12:00:00.000Z");

describe("dashboard formatting", () => {
  it("says how far away a time is", () => {
    expect(relativeTime("2026-03-31T12:00:00.000Z", NOW)).toBe("in 30 days");
    expect(relativeTime("2026-03-01T17:00:00.000Z", NOW)).toBe("in 5 hours");
    expect(relativeTime("2026-02-27T12:00:00.000Z", NOW)).toBe("2 days ago");
    expect(relativeTime("2026-03-01T12:00:20.000Z", NOW)).toBe("just now");
    expect(relativeTime("not a date", NOW)).toBe("");
  });

  it("names people by name, else email", () => {
    expect(personName({ name: "Alice", email: "a@x.test" })).toBe("Alice");
    expect(personName({ name: null, email: "a@x.test" })).toBe("a@x.test");
    expect(personName(null)).toBe("Unknown user");
  });
});
