import type { IncomingMessage } from "node:http";
import { BodyTooLargeError, ClientAbortedError } from "./errors";

/** The declared Content-Length, or null when the body is chunked or absent. */
export const declaredLength = (req: IncomingMessage): number | null => {
  const raw = req.headers["content-length"];
  if (raw === undefined) return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
};

/** Whether the request carries a body at all (a length above zero, or chunked framing). */
export const hasBody = (req: IncomingMessage): boolean => {
  const length = req.headers["content-length"];
  if (length !== undefined) return length !== "0";
  return req.headers["transfer-encoding"] !== undefined;
};

/**
 * Reads a Node request body, refusing it as soon as more than `limitBytes`
 * have arrived (or are declared): at most `limitBytes` are ever held. After a
 * refusal the rest of the stream is read and dropped, never kept.
 */
export const readNodeBody = (req: IncomingMessage, limitBytes: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== null && declared > limitBytes) {
      reject(new BodyTooLargeError(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      if (settled) return; // over the limit: drain and drop
      size += chunk.length;
      if (size > limitBytes) {
        settled = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
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
