import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/** Wraps a Node request as a web-standard Request, for handlers written against fetch (tRPC). */
export const toWebRequest = (req: IncomingMessage, origin: string): Request => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Required by undici whenever the body is a stream.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
};

/** Writes a web Response back through Node, keeping repeated headers such as Set-Cookie. */
export const sendWebResponse = async (res: ServerResponse, response: Response) => {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
};
