import type { Surface } from "@sharelinks/edge";
import { isRestPath } from "@sharelinks/rest";

export const TRPC_ENDPOINT = "/api/trpc";
export const PUBLIC_PAGE_PREFIX = "/shared/";

/**
 * Which surface answers a path (query string already removed). The REST
 * package owns the definition of its paths (`/v1/...`, `/healthz`, `/readyz`);
 * the checks are plain string tests, cheapest first: the public API read is
 * the hot path.
 */
export const surfaceOf = (path: string): Surface => {
  if (isRestPath(path)) return "rest";
  if (path.startsWith(PUBLIC_PAGE_PREFIX)) return "page";
  if (
    path.startsWith(TRPC_ENDPOINT) &&
    (path.length === TRPC_ENDPOINT.length || path.charCodeAt(TRPC_ENDPOINT.length) === 47)
  )
    return "trpc";
  return "next";
};
