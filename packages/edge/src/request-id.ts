import { randomUUID } from "node:crypto";
import type { RequestHeaders } from "./headers";

// RFC 9562 versions 1-8, as `z.uuid()` accepts them, so a kept id still validates as the `request_id` it becomes.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The request's id: a client's `X-Request-ID` when it is a UUID (so a caller
 * can follow its own id through our logs), a fresh UUID otherwise. Anything
 * else the client sends is ignored: it would be a way to write into our logs.
 */
export const requestIdFrom = (headers: RequestHeaders): string => {
  const sent = headers["x-request-id"];
  return typeof sent === "string" && sent.length === 36 && UUID.test(sent)
    ? sent.toLowerCase()
    : randomUUID();
};
