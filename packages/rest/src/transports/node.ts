import type { IncomingMessage, ServerResponse } from "node:http";
import type { RestContext } from "../context";
import { ClientAbortedError, handleRestRequest } from "../handler";
import { BodyTooLargeError, type RestHeaders, type RestRequest, type RestResponse } from "../types";
import { resolveClientIp } from "./client-ip";

const EMPTY_QUERY = new URLSearchParams();

const readNodeBody = (req: IncomingMessage, limitBytes: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > limitBytes) {
      reject(new BodyTooLargeError(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      if (settled) return; // over the limit: drain and drop
      size += chunk.length;
      if (size > limitBytes) {
        settled = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size).toString("utf8"));
    });
    req.on("error", () => {
      if (settled) return;
      settled = true;
      reject(new ClientAbortedError("request body stream failed"));
    });
    req.on("close", () => {
      if (settled) return;
      settled = true;
      reject(new ClientAbortedError("client closed the connection before the body ended"));
    });
  });

/** One object per request, no closures: the public read is the hot path. */
class NodeRestRequest implements RestRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: RestHeaders;
  readonly clientIp: string;

  constructor(
    private readonly raw: IncomingMessage,
    trustProxyHops: number,
  ) {
    this.method = raw.method ?? "GET";
    const url = raw.url ?? "/";
    const q = url.indexOf("?");
    let path = q === -1 ? url : url.slice(0, q);
    // Absolute-form request targets (`GET http://host/path`) carry the path after the authority.
    if (path.charCodeAt(0) !== 47) {
      try {
        path = new URL(path).pathname;
      } catch {
        // left as is: it matches no route and answers 404
      }
    }
    this.path = path;
    this.query = q === -1 || q === url.length - 1 ? EMPTY_QUERY : new URLSearchParams(url.slice(q + 1));
    this.headers = raw.headers;
    this.clientIp = resolveClientIp(raw.socket.remoteAddress, raw.headers, trustProxyHops);
  }

  readBody(limitBytes: number): Promise<string> {
    return readNodeBody(this.raw, limitBytes);
  }
}

const send = (res: ServerResponse, response: RestResponse) => {
  if (response.body !== null) response.headers["Content-Length"] = String(Buffer.byteLength(response.body));
  res.writeHead(response.status, response.headers);
  res.end(response.body ?? undefined);
};

const LAST_RESORT = JSON.stringify({
  error: { code: "internal_error", message: "An unexpected error occurred" },
  request_id: null,
});

/**
 * `node:http` transport: what the production server mounts for `/v1/*`,
 * `/healthz` and `/readyz`, skipping the Request/Response allocation of the
 * fetch handler on the hot path.
 */
export const createNodeHandler =
  (ctx: RestContext) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    handleRestRequest(new NodeRestRequest(req, ctx.trustProxyHops), ctx).then(
      (response) => send(res, response),
      (error: unknown) => {
        // handleRestRequest turns every failure into a response; reaching this is a bug in the adapter itself.
        ctx.logger.error({ err: error }, "rest adapter failed");
        if (!res.headersSent) {
          res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
          res.end(LAST_RESORT);
        } else {
          res.destroy();
        }
      },
    );
  };
