export { bearerCredential } from "./auth";
export {
  createRestContext,
  DEFAULT_MAX_ADMIN_BODY_BYTES,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_READY_TIMEOUT_MS,
  type RestContext,
  type RestContextOptions,
} from "./context";
export { domainErrorOf, errorEnvelope, HTTP_STATUS_BY_CODE } from "./errors";
export { handleRestRequest, PUBLIC_RESPONSE_HEADERS } from "./handler";
export { maskPath } from "./logging";
export { buildOpenApiDocument, errorCodesOf } from "./openapi";
export { DEFAULT_RATE_LIMITS, type RateLimitSettings } from "./rate-limit";
export type { AuthKind, HttpMethod, ResponseSpec, Route } from "./route";
export { isRestPath, Router } from "./router";
export { routes } from "./routes";
export * as restSchemas from "./schemas";
export { resolveClientIp } from "./transports/client-ip";
export { createFetchHandler, type FetchHandlerOptions } from "./transports/fetch";
export { createNodeHandler } from "./transports/node";
export {
  BodyTooLargeError,
  type RestLogger,
  type RestRequest,
  type RestResponse,
  type RestServices,
} from "./types";
