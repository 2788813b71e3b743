import type { IncomingMessage, ServerResponse } from "node:http";

const LINGER_MS = 2_000;

/**
 * After a refusal while the client may still be sending (a body over the limit):
 * close the connection, but only once the answer has left and a short while has
 * passed, reading and dropping what still arrives. Closing at once, with unread
 * data in the socket, makes the kernel reset the connection, and a client still
 * writing its body loses the answer (EPIPE/ECONNRESET instead of the 413).
 * Nothing read here is kept.
 *
 * Node ends a `Connection: close` response with `socket.destroySoon()`, which
 * destroys the socket the moment the answer is flushed: exactly that reset. So
 * for this socket it only half-closes (FIN after the answer; the HTTP server's
 * sockets allow half-open), and the linger timer destroys it.
 */
export const closeAfterRefusal = (req: IncomingMessage, res: ServerResponse): void => {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
  };
  res.once("finish", () => {
    req.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
};
