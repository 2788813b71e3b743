import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Registry } from "prom-client";

export const METRICS_PATH = "/metrics";

const digest = (value: string) => createHash("sha256").update(value).digest();

const bearerMatches = (req: IncomingMessage, token: string): boolean => {
  const header = req.headers.authorization;
  if (typeof header !== "string" || !header.startsWith("Bearer ")) return false;
  // Compared as digests: equal lengths, constant time.
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
};

const pathOf = (url: string | undefined) => {
  const raw = url ?? "/";
  const query = raw.indexOf("?");
  return query === -1 ? raw : raw.slice(0, query);
};

/** Writes the exposition (or 401/405) for a request already known to be for /metrics. */
const answer = (registry: Registry, token: string | undefined, req: IncomingMessage, res: ServerResponse) => {
  if (token !== undefined && !bearerMatches(req, token)) {
    res.writeHead(401, { "Content-Type": "text/plain", "WWW-Authenticate": 'Bearer realm="metrics"' });
    res.end("Unauthorized\n");
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { "Content-Type": "text/plain", Allow: "GET, HEAD" }).end("Method not allowed\n");
    return;
  }
  registry.metrics().then(
    (text) => {
      res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : text);
    },
    () => {
      res.writeHead(500, { "Content-Type": "text/plain" }).end("metrics collection failed\n");
    },
  );
};

/**
 * `/metrics` on the main port, only when METRICS_TOKEN is set (and then only
 * with `Authorization: Bearer <token>`): returns true when it answered. Without
 * a token the path stays the dashboard's (a 404), so the metrics are never
 * public by accident.
 */
export const metricsOnMainPort =
  (registry: Registry, token: string) =>
  (req: IncomingMessage, res: ServerResponse): boolean => {
    if (pathOf(req.url) !== METRICS_PATH) return false;
    answer(registry, token, req, res);
    return true;
  };

/**
 * The separate metrics listener (METRICS_PORT): `/metrics` only, for a
 * scraper on the private network; METRICS_TOKEN, when set, is asked here too.
 */
export const startMetricsListener = (
  registry: Registry,
  options: { host: string; port: number; token?: string | undefined },
): Promise<Server> => {
  const server = createServer((req, res) => {
    if (pathOf(req.url) !== METRICS_PATH) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found\n");
      return;
    }
    answer(registry, options.token, req, res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
};
