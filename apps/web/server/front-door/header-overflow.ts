import { randomUUID } from "node:crypto";
import type { Socket } from "node:net";
import { payloadTooLarge } from "@sharelinks/core";
import { errorEnvelope } from "@sharelinks/rest";
import { surfaceOf } from "./surface-of";

/** Node's default request-header limit (`--max-http-header-size`): a URL longer than this never reaches a surface. */
export const MAX_HEADER_BYTES = 16 * 1024;

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/** The request path from the first bytes Node's parser saw (`GET /v1/x?y HTTP/1.1`), or "/" when unreadable. */
const pathOfPacket = (packet: Buffer | undefined): string => {
  const line = packet?.subarray(0, 512).toString("latin1") ?? "";
  const target = /^[A-Z]+ (\/[^ ?]*)/.exec(line)?.[1];
  return target ?? "/";
};

/** The 431 body in the shape of the surface the request was meant for: REST envelope, tRPC error, or plain text. */
const bodyFor = (path: string, requestId: string): { type: string; text: string } => {
  const surface = surfaceOf(path);
  const error = payloadTooLarge(MAX_HEADER_BYTES);
  const message = `Request line and headers exceed the ${MAX_HEADER_BYTES}-byte limit`;
  if (surface === "rest") return { type: "application/json", text: errorEnvelope(error, requestId) };
  if (surface === "trpc") {
    const data = { code: "PAYLOAD_TOO_LARGE", httpStatus: 431, path: null };
    return { type: "application/json", text: JSON.stringify({ error: { message, code: -32600, data } }) };
  }
  return { type: "text/plain; charset=utf-8", text: message };
};

/**
 * Answers what Node's HTTP parser refuses before any request exists. Its own
 * answer to an over-long URL is a bare `431` with no body, which a /v1 client
 * cannot tell from a proxy's; here the 431 comes in the surface's shape, with a
 * request id, like every other refusal. Other parse errors keep Node's 400.
 */
export const answerClientError = (error: ParserError, socket: Socket): void => {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  if (error.code !== "HPE_HEADER_OVERFLOW") {
    socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  const requestId = randomUUID();
  const { type, text } = bodyFor(pathOfPacket(error.rawPacket), requestId);
  socket.end(
    [
      "HTTP/1.1 431 Request Header Fields Too Large",
      `Content-Type: ${type}`,
      `Content-Length: ${Buffer.byteLength(text)}`,
      "Cache-Control: no-store",
      `X-Correlation-ID: ${requestId}`,
      "Connection: close",
      "",
      text,
    ].join("\r\n"),
  );
};
