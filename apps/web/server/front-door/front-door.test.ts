import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { captureLogger } from "@sharelinks/edge/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontDoor } from "./front-door";
import type { SurfaceHandler } from "./surface";

const surface = (name: SurfaceHandler["name"], serve: SurfaceHandler["serve"]): SurfaceHandler => ({
  name,
  readsBodyItself: false,
  bodyLimit: () => 1024,
  serve,
  refuseTooLarge: (_req, res, context, _limit, done) => {
    res.writeHead(413).end();
    context.status = 413;
    done(context);
  },
});

/**
 * The front door's own last line: a surface that throws instead of answering
 * (before the fix of finding 7, a cookie that did not decode threw in the
 * dashboard API's surface) gets a logged 500 at once, never a hung request.
 */
describe("front door: a surface that throws", () => {
  const logs = captureLogger({ name: "front-door-unit" });
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const answer: SurfaceHandler["serve"] = (_req, res, context, _target, _body, done) => {
      res.writeHead(200).end("ok");
      context.status = 200;
      done(context);
    };
    const frontDoor = createFrontDoor({
      logger: logs.logger,
      trustProxyHops: 0,
      surfaces: {
        rest: surface("rest", answer),
        trpc: surface("trpc", () => {
          throw new URIError("URI malformed");
        }),
        page: surface("page", answer),
        next: surface("next", answer),
      },
    });
    server = createServer();
    frontDoor.attach(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );

  it("answers 500 with the request id, logs it, and the next request is served", async () => {
    for (const init of [{}, { method: "POST", body: "{}" }]) {
      const res = await fetch(`${base}/api/trpc/auth.me`, { ...init, signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(500);
      expect(res.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    const errors = logs.records().filter((record) => record.level === 50);
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors[0])).toContain("URIError");
    expect((await fetch(`${base}/v1/anything`)).status).toBe(200);
  });
});
