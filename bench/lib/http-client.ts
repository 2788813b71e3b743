import http from "node:http";

/** One JSON request over a keep-alive agent, timed from send to the last byte received. */

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

export const request = (
  agent: http.Agent,
  baseUrl: string,
  method: string,
  path: string,
  apiKey: string | null,
  body?: unknown,
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
    if (payload !== undefined) {
      headers["Content-Type"] = "application/json";
      headers["Content-Length"] = String(Buffer.byteLength(payload));
    }
    const started = performance.now();
    const req = http.request(`${baseUrl}${path}`, { method, headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout on ${method} ${path}`)));
    req.on("error", reject);
    req.end(payload);
  });

export const keepAliveAgent = () => new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);

export const round2 = (value: number) => Math.round(value * 100) / 100;
