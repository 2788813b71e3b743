/**
 * @sharelinks/edge: what every HTTP surface of sharelinks shares at its edge,
 * written once. The server's front door (apps/web/server/front-door) uses it to
 * serve every path; the REST adapter uses it for its standalone transports.
 */
export { logAccess } from "./access-log";
export { BodyTooLargeError, ClientAbortedError } from "./body/errors";
export { declaredLength, hasBody, readNodeBody } from "./body/read-node-body";
export { createBotClassifier, isBotUserAgent } from "./bot-classifier";
export { resolveClientIp } from "./client-ip";
export type { RequestHeaders } from "./headers";
export type { EdgeLogger } from "./log/edge-logger";
export { type SerializedError, serializeError } from "./log/error-serializer";
export { type CreateLoggerOptions, createLogger, REDACT_PATHS } from "./log/logger";
export { maskPath, maskText } from "./log/mask";
export { credentialCounterKey, ipCounterKey } from "./rate-limit/counter-keys";
export { FailureThrottle } from "./rate-limit/failure-throttle";
export { Limit } from "./rate-limit/limit";
export {
  DEFAULT_RATE_LIMITS,
  RATE_LIMIT_WINDOW_SECONDS,
  type RateLimitSettings,
} from "./rate-limit/settings";
export { sharePasswordGuard } from "./rate-limit/share-password-guard";
export { createRateLimitStore, type RateLimitStore, type RateLimitStoreOptions } from "./rate-limit/store";
export { RequestContext, type Surface } from "./request-context";
export { requestIdFrom } from "./request-id";
export { originForm, pathOf, queryOf } from "./request-target";
export {
  createWebhookSender,
  WEBHOOK_MAX_RESPONSE_BYTES,
  WEBHOOK_TIMEOUT_MS,
  type WebhookSenderOptions,
} from "./webhooks/webhook-sender";
