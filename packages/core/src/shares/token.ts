import { createHash } from "node:crypto";
import type { RandomSource } from "../random";

export const TOKEN_BYTES = 32;
/** 32 bytes in unpadded base64url. */
export const TOKEN_LENGTH = 43;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const mintShareToken = (random: RandomSource): string =>
  Buffer.from(random.bytes(TOKEN_BYTES)).toString("base64url");

/** A string that cannot be a token is rejected before any database lookup. */
export const isWellFormedToken = (value: string): boolean => TOKEN_PATTERN.test(value);

/** The only form of a token the database indexes: sha256, base64url. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");
