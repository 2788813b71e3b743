import { createHash } from "node:crypto";
import type { RandomSource } from "../random";

/**
 * A RandomSource that repeats itself run after run, so failures reproduce.
 *
 * UUIDs carry a counter in their last group: always distinct, valid v4 shape
 * (zod's `z.uuid()` accepts them), and ordered by creation, which keeps
 * "newest first" tie-breaks on id readable when the fake clock stands still.
 * Bytes come from sha256(seed, counter): distinct across calls, so tokens
 * minted from them are distinct too, as with a real CSPRNG.
 */
export const createSeededRandom = (seed = 1): RandomSource => {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new Error("createSeededRandom: seed must be an integer in 0..2^32-1");
  }
  const seedHex = seed.toString(16).padStart(8, "0");
  let uuids = 0;
  let draws = 0;
  return {
    uuid() {
      uuids += 1;
      return `${seedHex}-0000-4000-8000-${uuids.toString(16).padStart(12, "0")}`;
    },
    bytes(length) {
      draws += 1;
      const out = new Uint8Array(length);
      for (let block = 0; block * 32 < length; block += 1) {
        const digest = createHash("sha256").update(`${seed}:${draws}:${block}`).digest();
        out.set(digest.subarray(0, Math.min(32, length - block * 32)), block * 32);
      }
      return out;
    },
  };
};
