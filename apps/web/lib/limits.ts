import { MAX_EXPIRATION_DAYS, MIN_EXPIRATION_DAYS } from "@sharelinks/core/expiry";

/**
 * The server's input limits the forms repeat as `maxLength` and in their
 * sentences. Core's schemas are the source; they import zod and more, so the
 * browser bundle gets these numbers instead, and limits.test.ts fails the
 * moment one of them drifts from core.
 */
export const LIMITS = {
  expirationDays: { min: MIN_EXPIRATION_DAYS, max: MAX_EXPIRATION_DAYS },
  companyName: 120,
  logoUrl: 2048,
  apiKeyName: 100,
  email: 320,
  password: 1024,
  bulkRevoke: 100,
} as const;
