import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createSeededRandom } from "./seeded-random";

describe("createSeededRandom", () => {
  it("produces distinct UUIDs that zod accepts as UUIDs", () => {
    const random = createSeededRandom(7);
    const ids = Array.from({ length: 1000 }, () => random.uuid());
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(z.uuid().safeParse(id).success).toBe(true);
    expect(ids[0]).toBe("00000007-0000-4000-8000-000000000001");
  });

  it("orders its UUIDs by creation", () => {
    const random = createSeededRandom(1);
    const ids = Array.from({ length: 300 }, () => random.uuid());
    expect([...ids].sort()).toEqual(ids);
  });

  it("repeats itself for the same seed and differs across seeds", () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const bytesA = Buffer.from(a.bytes(32)).toString("hex");
    expect(Buffer.from(b.bytes(32)).toString("hex")).toBe(bytesA);
    expect(Buffer.from(c.bytes(32)).toString("hex")).not.toBe(bytesA);
    expect(a.uuid()).toBe(b.uuid());
    expect(a.uuid()).not.toBe(c.uuid());
  });

  it("gives distinct bytes on every draw, at any length", () => {
    const random = createSeededRandom(3);
    const draws = Array.from({ length: 500 }, () => Buffer.from(random.bytes(32)).toString("hex"));
    expect(new Set(draws).size).toBe(500);
    expect(random.bytes(0)).toHaveLength(0);
    expect(random.bytes(5)).toHaveLength(5);
    const long = random.bytes(80);
    expect(long).toHaveLength(80);
    // Every 32-byte block is filled, not left as zeros.
    expect(Buffer.from(long.subarray(64)).equals(Buffer.alloc(16))).toBe(false);
  });

  it("rejects a seed that would not fit the UUID prefix", () => {
    expect(() => createSeededRandom(-1)).toThrow();
    expect(() => createSeededRandom(1.5)).toThrow();
    expect(() => createSeededRandom(2 ** 32)).toThrow();
  });
});
