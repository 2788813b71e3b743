/** The body passed the limit; nothing past the limit was kept. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly limitBytes: number) {
    super(`Request body exceeds ${limitBytes} bytes`);
  }
}

/** The client went away, or the stream failed, before the body ended. */
export class ClientAbortedError extends Error {
  override readonly name = "ClientAbortedError";
}
