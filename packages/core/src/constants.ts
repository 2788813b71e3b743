/**
 * Product figures that the browser bundle and the benchmark yardstick need
 * too. No runtime imports, so `@sharelinks/core/constants` costs them nothing;
 * the expiry figures live beside their rule in `@sharelinks/core/expiry`.
 */

/** Active links allowed per report or schedule, across the brand (docs/api.md). */
export const ACTIVE_SHARES_PER_RESOURCE = 50;

/** The public page's colour when neither the link nor the brand sets one. */
export const DEFAULT_PRIMARY_COLOR = "#4F46E5";
