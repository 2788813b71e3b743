import { randomBytes, randomUUID } from "node:crypto";

/** Port: the source of unguessable bytes and ids. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
  uuid(): string;
}

export const cryptoRandom: RandomSource = {
  bytes: (length) => randomBytes(length),
  uuid: () => randomUUID(),
};
