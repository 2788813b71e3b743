/**
 * The process's shutdown state. Set once by the SIGTERM handler in main.ts;
 * read by `/readyz` (503 from that moment, so balancers stop sending) and by
 * the front door's request hook (`Connection: close` on every answer, so
 * keep-alive clients reconnect elsewhere). One flag per process, like the
 * signal it answers.
 */
export const drainState = { draining: false };
