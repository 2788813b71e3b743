import type { EdgeLogger } from "./log/edge-logger";
import { maskPath } from "./log/mask";
import type { RequestContext } from "./request-context";

/**
 * The one access-log line per request: request id, method, route template,
 * status, duration, surface. A request no route claimed logs its path, masked;
 * query strings, headers and bodies are never logged.
 */
export const logAccess = (logger: EdgeLogger, request: RequestContext): void => {
  if (request.route !== null) {
    logger.info(
      {
        request_id: request.requestId,
        method: request.method,
        route: request.route,
        status: request.status,
        duration_ms: request.elapsedMs(),
        surface: request.surface,
      },
      "request",
    );
  } else {
    logger.info(
      {
        request_id: request.requestId,
        method: request.method,
        route: null,
        path: maskPath(request.path),
        status: request.status,
        duration_ms: request.elapsedMs(),
        surface: request.surface,
      },
      "request",
    );
  }
};
