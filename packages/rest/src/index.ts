export { BodyTooLargeError } from "@sharelinks/edge";
export { bearerCredential } from "./auth";
export {
  createRestContext,
  DEFAULT_MAX_ADMIN_BODY_BYTES,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_READY_TIMEOUT_MS,
  type RestContext,
  type RestContextOptions,
} from "./context";
export { errorEnvelope, HTTP_STATUS_BY_CODE } from "./errors";
export { errorResponse, handleRestRequest, isPublicPath, PUBLIC_RESPONSE_HEADERS } from "./handler";
export { buildOpenApiDocument, errorCodesOf } from "./openapi";
export type { AuthKind, HttpMethod, ResponseSpec, Route, RouteContext } from "./route";
export { isRestPath, Router } from "./router";
export { routes } from "./routes";
export * as restSchemas from "./schemas";
export { createFetchHandler, type FetchHandlerOptions } from "./transports/fetch";
export { createNodeHandler, sendRestError, serveNodeRequest } from "./transports/node";
export type { RestHeaders, RestRequest, RestResponse, RestServices } from "./types";
