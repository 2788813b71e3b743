import type { RandomSource } from "../random";
import { hashToken } from "../shares/token";

export const API_KEY_PREFIX = "slk_";
const API_KEY_PATTERN = /^slk_[A-Za-z0-9_-]{43}$/;
const SESSION_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * API keys and session tokens are 32 random bytes, so a fast sha256 is a safe
 * lookup hash (argon2 is for low-entropy passwords and would cost every request).
 */
export const mintApiKey = (random: RandomSource) =>
  `${API_KEY_PREFIX}${Buffer.from(random.bytes(32)).toString("base64url")}`;
export const isWellFormedApiKey = (value: string) => API_KEY_PATTERN.test(value);
/** Enough of the key to recognise it in a list, far too little to use it. */
export const apiKeyDisplayPrefix = (key: string) => key.slice(0, API_KEY_PREFIX.length + 6);

export const mintSessionToken = (random: RandomSource) => Buffer.from(random.bytes(32)).toString("base64url");
export const isWellFormedSessionToken = (value: string) => SESSION_PATTERN.test(value);

export const hashSecret = hashToken;
