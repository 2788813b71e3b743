/**
 * The front door harness in a process of its own, so a test can measure the
 * server's memory apart from the client's. Run with `node --import tsx`;
 * argv[2] is the database kind. Over IPC it reports `{ base }` once listening,
 * and answers `"peak"` with the highest RSS seen since the last `"peak"`,
 * sampled every 10 ms (a body held for a moment still shows), and
 * `{ access: requestId }` with that request's access-log `{ status, duration_ms }`
 * (the server's own clock, from its headers to its answer), or null.
 */
import type { DatabaseKind } from "@sharelinks/db";
import { startFrontDoor } from "./front-door-harness";

const send = (message: unknown) => process.send?.(message);

const main = async () => {
  const harness = await startFrontDoor((process.argv[2] ?? "pglite") as DatabaseKind);
  let peak = process.memoryUsage.rss();
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10).unref();
  const accessOf = (requestId: string) =>
    harness.logs.records().find((line) => line.msg === "request" && line.request_id === requestId) ?? null;
  process.on("message", (message) => {
    if (typeof message === "object" && message !== null && "access" in message) {
      const line = accessOf(String(message.access));
      send(line && { status: line.status, duration_ms: line.duration_ms });
    } else if (message === "peak") {
      const rss = process.memoryUsage.rss();
      send({ peak: Math.max(peak, rss), rss });
      peak = rss;
    } else if (message === "stop") {
      void harness.close().then(() => process.exit(0));
    }
  });
  send({ base: harness.base });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
