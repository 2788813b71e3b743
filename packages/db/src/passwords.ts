import { type Algorithm, hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "@sharelinks/core";

export interface Argon2Cost {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over that memory. */
  timeCost: number;
  parallelism: number;
}

/** OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): roughly 20-40 ms a hash on a server core. */
export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** For tests only: still real argon2id, a few hundred times cheaper. */
export const TEST_ARGON2_COST: Argon2Cost = { memoryCost: 256, timeCost: 1, parallelism: 1 };

// `Algorithm` is a const enum, which isolatedModules cannot read; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id password hashing on libuv's thread pool (it does not block the
 * event loop). The cost is stored in each PHC string, so hashes made under an
 * older cost keep verifying after it is raised.
 */
export const createArgon2PasswordHasher = (cost: Argon2Cost = DEFAULT_ARGON2_COST): PasswordHasher => ({
  hash: (password) => hash(password, { ...cost, algorithm: ARGON2ID }),
  async verify(passwordHash, password) {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash is a failed sign-in, not a crash.
      return false;
    }
  },
});
