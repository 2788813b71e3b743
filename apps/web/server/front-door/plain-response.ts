import type { ServerResponse } from "node:http";

/** A short text answer the front door gives itself (a request it cannot route, a body it will not read). */
export const sendPlain = (
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
): void => {
  res.writeHead(status, {
    ...headers,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
  });
  res.end(text);
};
