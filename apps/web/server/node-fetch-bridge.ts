import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Wraps a Node request as a web-standard Request for handlers written against
 * fetch (tRPC). The body is the one the front door already read within its
 * limit; `override` replaces headers.
 */
export const toWebRequest = (
  req: IncomingMessage,
  target: string,
  origin: string,
  body: Buffer | null,
  override: Record<string, string> = {},
): Request => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name in override) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  for (const [name, value] of Object.entries(override)) headers.set(name, value);
  const method = req.method ?? "GET";
  const hasBody = body !== null && method !== "GET" && method !== "HEAD";
  return new Request(new URL(target, origin), {
    method,
    headers,
    ...(hasBody && {
      body: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    }),
  });
};

/** Writes a web Response back through Node, keeping repeated headers such as Set-Cookie; `fixed` win over the response's own. */
export const sendWebResponse = async (
  res: ServerResponse,
  response: Response,
  fixed: Record<string, string>,
) => {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  for (const [name, value] of Object.entries(fixed)) res.setHeader(name, value);
  res.end(Buffer.from(await response.arrayBuffer()));
};
