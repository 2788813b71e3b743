import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../test-support/front-door-harness";

const TOTAL = 300 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61); // reused: the client never holds more than this
const MB = 1024 * 1024;
/** Issue 8's bound on the server's memory while refusing a 300 MB body. */
const MAX_RSS_GROWTH = 50 * MB;
/**
 * The refusal must come long before the body could have been sent (300 MB at
 * loopback speed takes seconds). Measured on the client, from the start of the
 * upload, the figure includes the client's own sending and scheduling: it is
 * printed (docs/security.md) and asserted under 5 s, because test files share
 * two cores with other runs and a stall there is not the server holding the
 * body. Issue 8's 1 s is asserted on the server's clock (ISSUE_BOUND_MS). What
 * the 300 MB cases pin is the resource figure: bytes the client got to send,
 * and the server's RSS.
 */
const REFUSAL_BOUND_MS = 5_000;
/**
 * Issue 8's 1 s, asserted where the client's own sending and scheduling do not
 * count: on the server's clock (its access-log duration, from the request's
 * headers to its 413), for a body cut off just past the limit.
 */
const ISSUE_BOUND_MS = 1_000;

interface Refusal {
  status: number;
  /** From the start of the upload (the request opened) to the 413's headers, client side. */
  ms: number;
  sentBytes: number;
  /** Sent as X-Request-ID, so the server's access line for this request can be found. */
  requestId: string;
}

const hugeHeaders = (declared: boolean, requestId: string) => ({
  "content-type": "application/json",
  origin: "https://links.example.test",
  "x-request-id": requestId,
  ...(declared ? { "content-length": String(TOTAL) } : { "transfer-encoding": "chunked" }),
});

/**
 * Sends the headers and exactly `bodyBytes` of a 300 MB body (declared or
 * chunked), then waits: it neither sends more nor ends the body. So the 413
 * cannot come from the server reading on, draining or waiting for the end.
 * `afterLastByteMs` runs from when the last byte was handed to the socket.
 */
const sendPartly = (
  base: string,
  path: string,
  declared: boolean,
  bodyBytes: number,
): Promise<Refusal & { afterLastByteMs: number }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const requestId = randomUUID();
    let lastByteAt = started;
    let answered = false;
    const req = request(`${base}${path}`, { method: "POST", headers: hugeHeaders(declared, requestId) });
    const stuck = setTimeout(() => {
      req.destroy();
      reject(new Error(`${path}: no answer 10 s after ${bodyBytes} body bytes`));
    }, 10_000);
    req.on("response", (res) => {
      answered = true;
      clearTimeout(stuck);
      const at = performance.now();
      const result = {
        status: res.statusCode ?? 0,
        ms: at - started,
        afterLastByteMs: Math.max(0, at - lastByteAt),
        sentBytes: bodyBytes,
        requestId,
      };
      res.resume();
      res.on("end", () => {
        req.destroy();
        resolve(result);
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (bodyBytes === 0) req.flushHeaders();
    else
      req.write(Buffer.alloc(bodyBytes, 0x61), () => {
        lastByteAt = performance.now();
      });
  });

/**
 * As curl sends a large upload: `Expect: 100-continue`, and the body (`body`,
 * or 300 MB generated) only once the server has answered `100 Continue`.
 */
const sendExpecting = (
  base: string,
  path: string,
  body: Buffer | null,
): Promise<Refusal & { invited: boolean }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const requestId = randomUUID();
    let invited = false;
    let answered = false;
    let sent = 0;
    const req = request(`${base}${path}`, {
      method: "POST",
      headers: {
        ...hugeHeaders(true, requestId),
        "content-length": String(body?.length ?? TOTAL),
        expect: "100-continue",
      },
    });
    const pump = () => {
      while (!answered && sent < TOTAL) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    req.on("continue", () => {
      invited = true;
      if (body) {
        sent = body.length;
        req.end(body);
      } else pump();
    });
    req.on("response", (res) => {
      answered = true;
      const result = {
        status: res.statusCode ?? 0,
        ms: performance.now() - started,
        sentBytes: sent,
        requestId,
        invited,
      };
      res.resume();
      res.on("end", () => {
        req.destroy();
        resolve(result);
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.flushHeaders();
  });

/** Streams a generated 300 MB body (declared or chunked) until the server answers; never allocates it. */
const sendHuge = (base: string, path: string, declared: boolean): Promise<Refusal> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const requestId = randomUUID();
    let sent = 0;
    let answered = false;
    const req = request(`${base}${path}`, { method: "POST", headers: hugeHeaders(declared, requestId) });
    req.on("response", (res) => {
      answered = true;
      const ms = performance.now() - started;
      const result = { status: res.statusCode ?? 0, ms, sentBytes: sent, requestId };
      res.resume();
      res.on("end", () => {
        req.destroy();
        resolve(result);
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < TOTAL) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });

/**
 * Issue 8, finding 1 and "Done when": a 300 MB body to any surface is refused
 * at once and the server's memory barely moves. The server runs in its own
 * process (test-support/front-door-process.ts) so its RSS is measured apart
 * from this client. No database is involved (the body is refused before any
 * surface runs), so PGlite only.
 */
describe("a 300 MB body to every surface", () => {
  let child: ChildProcess;
  let base: string;
  const figures: string[] = [];

  const ask = <T>(message: string | { access: string }) =>
    new Promise<T>((resolve) => {
      child.once("message", (reply) => resolve(reply as T));
      child.send(message);
    });

  /** The server's access line for a request: its status and duration on the server's clock. */
  const serverSide = async (requestId: string) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const line = await ask<{ status: number; duration_ms: number } | null>({ access: requestId });
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no access line for ${requestId}`);
  };

  beforeAll(async () => {
    const script = fileURLToPath(new URL("../test-support/front-door-process.ts", import.meta.url));
    child = fork(script, ["pglite"], {
      execArgv: ["--import", "tsx"],
      // tsx resolves from apps/web, wherever vitest was started.
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    base = await new Promise<string>((resolve, reject) => {
      child.once("message", (message) => resolve((message as { base: string }).base));
      child.once("exit", (code) => reject(new Error(`server process exited with ${code}`)));
    });
    // Warm every surface once (modules load lazily) before the baseline.
    for (const path of [
      "/v1/reports/x/shares",
      "/v1/admin/brands",
      "/api/trpc/auth.signIn",
      "/shared/x",
      "/sign-in",
    ])
      await fetch(`${base}${path}`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      });
  });
  afterAll(async () => {
    if (child?.connected)
      await new Promise((resolve) => {
        child.once("exit", resolve);
        child.send("stop");
      });
    console.log(`300 MB bodies refused:\n${figures.join("\n")}`);
  });

  const surfaces: Array<[string, string, number]> = [
    ["REST", "/v1/reports/00000000-0000-4000-8000-000000000000/shares", 413],
    ["REST admin (no token)", "/v1/admin/brands", 413],
    ["tRPC", "/api/trpc/auth.signIn", 413],
    ["public page", "/shared/abc", 413],
    ["Next.js", "/sign-in", 413],
  ];

  for (const declared of [true, false]) {
    it.each(surfaces)(
      `%s %s, ${declared ? "declared length" : "chunked"}: refused, RSS +<50 MB`,
      async (name, path, status) => {
        await ask("peak"); // resets the peak to the current RSS
        const before = (await ask<{ rss: number }>("peak")).rss;
        const refusal = await sendHuge(base, path, declared);
        const { peak } = await ask<{ peak: number }>("peak");
        const growth = peak - before;
        const server = await serverSide(refusal.requestId);
        figures.push(
          `  ${name} ${declared ? "declared" : "chunked "}: ${refusal.status} after ${refusal.ms.toFixed(0)} ms (server ${server.duration_ms.toFixed(0)} ms), client sent ${(refusal.sentBytes / MB).toFixed(1)} MB, server RSS +${(growth / MB).toFixed(1)} MB`,
        );
        expect(refusal.status).toBe(status);
        expect(refusal.ms).toBeLessThan(REFUSAL_BOUND_MS);
        expect(refusal.sentBytes).toBeLessThan(TOTAL / 2);
        expect(growth).toBeLessThan(MAX_RSS_GROWTH);
      },
    );
  }

  /** The body limit each surface applies to these requests (docs/security.md, "Body limits"); null: chunked is refused unread. */
  const chunkedLimits: Record<string, number | null> = {
    REST: MB,
    "REST admin (no token)": MB,
    tRPC: MB,
    "public page": 64 * 1024,
    "Next.js": null,
  };

  it.each(surfaces)(
    "%s %s: a declared length over the limit is refused before any body byte is sent",
    async (name, path, status) => {
      const refusal = await sendPartly(base, path, true, 0);
      const server = await serverSide(refusal.requestId);
      figures.push(
        `  ${name} declared, headers only: ${refusal.status} after ${refusal.ms.toFixed(0)} ms (server ${server.duration_ms.toFixed(0)} ms)`,
      );
      expect(refusal.status).toBe(status);
      expect(server.status).toBe(status);
      expect(server.duration_ms).toBeLessThan(ISSUE_BOUND_MS);
      expect(refusal.ms).toBeLessThan(REFUSAL_BOUND_MS);
    },
  );

  it.each(surfaces)(
    "%s %s: a chunked body is refused as soon as it passes the limit, without waiting for more",
    async (name, path, status) => {
      const limit = chunkedLimits[name];
      const refusal = await sendPartly(
        base,
        path,
        false,
        limit === null || limit === undefined ? 0 : limit + 1,
      );
      const server = await serverSide(refusal.requestId);
      figures.push(
        `  ${name} chunked, limit + 1 bytes then nothing: ${refusal.status} ${refusal.afterLastByteMs.toFixed(0)} ms after the last byte, ${refusal.ms.toFixed(0)} ms from the start (server ${server.duration_ms.toFixed(0)} ms)`,
      );
      expect(refusal.status).toBe(status);
      expect(server.status).toBe(status);
      expect(server.duration_ms).toBeLessThan(ISSUE_BOUND_MS);
      expect(refusal.ms).toBeLessThan(REFUSAL_BOUND_MS);
    },
  );

  it.each(surfaces)(
    "%s %s: Expect: 100-continue with a declared length over the limit is a 413 without the invitation: no body byte sent",
    async (name, path, status) => {
      const refusal = await sendExpecting(base, path, null);
      const server = await serverSide(refusal.requestId);
      figures.push(
        `  ${name} declared, Expect: 100-continue: ${refusal.status} after ${refusal.ms.toFixed(0)} ms (server ${server.duration_ms.toFixed(0)} ms), ${refusal.invited ? "invited" : "not invited"}, client sent ${(refusal.sentBytes / MB).toFixed(1)} MB`,
      );
      expect(refusal.status).toBe(status);
      expect(refusal.invited).toBe(false);
      expect(refusal.sentBytes).toBe(0);
      expect(server.duration_ms).toBeLessThan(ISSUE_BOUND_MS);
    },
  );

  it("Expect: 100-continue within the limit is invited, then read and served", async () => {
    const body = Buffer.from(JSON.stringify({ email: "nobody@example.test", password: "wrong" }));
    const answer = await sendExpecting(base, "/api/trpc/auth.signIn", body);
    expect(answer.invited).toBe(true);
    expect(answer.status).toBe(401); // the body was read: the wrong password's answer
  });

  it("four at once to tRPC and four to the admin API: RSS +<50 MB in all", async () => {
    await ask("peak");
    const before = (await ask<{ rss: number }>("peak")).rss;
    const refusals = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sendHuge(base, i % 2 ? "/api/trpc/auth.signIn" : "/v1/admin/brands", false),
      ),
    );
    const { peak } = await ask<{ peak: number }>("peak");
    figures.push(
      `  8 at once (chunked): slowest ${Math.max(...refusals.map((r) => r.ms)).toFixed(0)} ms, server RSS +${((peak - before) / MB).toFixed(1)} MB`,
    );
    for (const refusal of refusals) expect(refusal.status).toBe(413);
    expect(peak - before).toBeLessThan(MAX_RSS_GROWTH);
  });

  it("the admin API's 32 MiB limit is for the admin token only: without it, 1 MiB", async () => {
    const body = `{"name":"${"x".repeat(2 * MB)}"}`;
    const post = (authorization?: string) =>
      fetch(`${base}/v1/admin/brands`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization && { authorization }) },
        body,
      });
    expect((await post()).status).toBe(413);
    expect((await post("Bearer not-the-admin-token")).status).toBe(413);
    expect((await post(`Bearer ${ADMIN_TOKEN}`)).status).toBe(422); // read, then refused by the schema (name too long)
  });

  it("the server still answers at once afterwards", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
