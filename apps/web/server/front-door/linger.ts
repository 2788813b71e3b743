import type { IncomingMessage, ServerResponse } from "node:http";

const LINGER_MS = 2_000;

/**
 * After a refusal while the client may still be sending (a body over the limit):
 * close the connection, but only once the answer has left and a short while has
 * passed, reading and dropping what still arrives. Closing at once, with unread
 * data in the socket, can reset the connection before the client has read the
 * answer. Nothing read here is kept.
 */
export const closeAfterRefusal = (req: IncomingMessage, res: ServerResponse): void => {
  res.once("finish", () => {
    req.resume();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  });
};
