import { createHash, timingSafeEqual } from "node:crypto";
import type { RestHeaders } from "./types";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The credential of `Authorization: Bearer <credential>`, or null when absent or malformed. */
export const bearerCredential = (headers: RestHeaders): string | null => {
  const value = headers.authorization;
  if (typeof value !== "string") return null;
  const match = BEARER.exec(value);
  return match ? (match[1] as string) : null;
};

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Compares a presented admin token with the configured one in constant time:
 * both sides are hashed first so neither length nor content leaks through timing.
 */
export const createAdminTokenCheck = (adminToken: string): ((presented: string | null) => boolean) => {
  if (adminToken.length === 0) return () => false;
  const expected = digest(adminToken);
  return (presented) => presented !== null && timingSafeEqual(digest(presented), expected);
};
