/** Per-minute budgets. The one place their defaults are written; the server's env parsing imports them. */
export interface RateLimitSettings {
  /** Requests per API key, and per dashboard session (RATE_LIMIT_PER_MINUTE). */
  perKeyPerMinute: number;
  /** Public reads per client IP: `/v1/shared/*` and the `/shared/*` page (PUBLIC_RATE_LIMIT_PER_MINUTE). */
  publicPerIpPerMinute: number;
  /** Failed password sign-ins per client IP; successful ones are not counted. */
  signInPerIpPerMinute: number;
  /** Failed API-key, admin-token and session authentications per client IP (AUTH_FAILURE_LIMIT_PER_MINUTE). */
  authFailuresPerIpPerMinute: number;
  /** Wrong share-link passwords per client IP (docs/protection.md). */
  sharePasswordFailuresPerIpPerMinute: number;
  /** Wrong passwords per link, whoever sends them: guessing spread over many addresses stops too. */
  sharePasswordFailuresPerLinkPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: Readonly<RateLimitSettings> = {
  perKeyPerMinute: 600,
  publicPerIpPerMinute: 300,
  signInPerIpPerMinute: 10,
  authFailuresPerIpPerMinute: 60,
  sharePasswordFailuresPerIpPerMinute: 10,
  sharePasswordFailuresPerLinkPerMinute: 30,
};

export const RATE_LIMIT_WINDOW_SECONDS = 60;
