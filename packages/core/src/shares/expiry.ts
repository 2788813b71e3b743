export const MIN_EXPIRATION_DAYS = 1;
export const MAX_EXPIRATION_DAYS = 365;
export const DEFAULT_EXPIRATION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Every expiry is anchored to now, never to the previous window. */
export const expiresAtFrom = (now: Date, days: number): Date => new Date(now.getTime() + days * DAY_MS);

/** Active up to and including the expiry instant. */
export const isActiveAt = (expiresAt: Date, now: Date): boolean => now.getTime() <= expiresAt.getTime();
