import type { IncomingMessage, ServerResponse } from "node:http";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Routes {
  /** `/v1/*`, `/healthz`, `/readyz`: the REST adapter, never through Next.js. */
  rest: NodeHandler;
  /** `/api/trpc/*`. */
  trpc: NodeHandler;
  /** `/shared/{token}`: the public page. */
  publicPage: NodeHandler;
  /** Everything else: the Next.js app. */
  next: NodeHandler;
}

const isRestPath = (url: string) =>
  url.startsWith("/v1/") ||
  url === "/v1" ||
  url.startsWith("/v1?") ||
  url === "/healthz" ||
  url === "/readyz";

/**
 * One process, one port. The order matters for speed: the public API read is
 * the hot path, so the prefix checks are plain string tests, cheapest first,
 * and `/v1` never pays for Next.js's per-request machinery.
 */
export const createDispatcher =
  (routes: Routes): NodeHandler =>
  (req, res) => {
    const url = req.url ?? "/";
    if (isRestPath(url)) return routes.rest(req, res);
    if (url.startsWith("/api/trpc/") || url.startsWith("/api/trpc?")) return routes.trpc(req, res);
    if (url.startsWith("/shared/")) return routes.publicPage(req, res);
    return routes.next(req, res);
  };
