import type { RandomSource } from "../random";

/** Standard Webhooks' secret form: `whsec_` and the base64 of 24 random bytes. */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

export const generateWebhookSecret = (random: RandomSource): string =>
  `${WEBHOOK_SECRET_PREFIX}${Buffer.from(random.bytes(24)).toString("base64")}`;
