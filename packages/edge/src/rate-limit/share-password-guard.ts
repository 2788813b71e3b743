import type { PasswordAttemptGuard } from "@sharelinks/core";
import type { RateLimitStore } from "./store";

/**
 * Core's wrong-password throttle for one client: refused while this client
 * (per IP) or this link (whoever guesses) has spent its failure budget. Only
 * failures are counted, in the shared store, so a reader who knows the
 * password pays a map lookup.
 */
export const sharePasswordGuard = (
  limits: Pick<RateLimitStore, "sharePasswordFailuresPerIp" | "sharePasswordFailuresPerLink">,
  clientIp: string,
): PasswordAttemptGuard => ({
  check(shareId) {
    limits.sharePasswordFailuresPerIp.check(clientIp);
    limits.sharePasswordFailuresPerLink.check(shareId);
  },
  async fail(shareId) {
    await Promise.all([
      limits.sharePasswordFailuresPerIp.fail(clientIp),
      limits.sharePasswordFailuresPerLink.fail(shareId),
    ]);
  },
});
