import { type ChildProcess, fork } from "node:child_process";
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
 * loopback speed takes seconds). Issue 8 asks for 1 s, and that is the figure
 * recorded (printed below, docs/security.md); the assertion allows 5 s because
 * test files share two cores with other runs, and a stall there is not the
 * server holding the body. What the test really pins is the resource figure:
 * bytes the client got to send, and the server's RSS.
 */
const REFUSAL_BOUND_MS = 5_000;

interface Refusal {
  status: number;
  ms: number;
  sentBytes: number;
}

/** Streams a generated 300 MB body (declared or chunked) until the server answers; never allocates it. */
const sendHuge = (base: string, path: string, declared: boolean): Promise<Refusal> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const req = request(`${base}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "https://links.example.test",
        ...(declared ? { "content-length": String(TOTAL) } : { "transfer-encoding": "chunked" }),
      },
    });
    req.on("response", (res) => {
      answered = true;
      const result = { status: res.statusCode ?? 0, ms: performance.now() - started, sentBytes: sent };
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

  const ask = <T>(message: string) =>
    new Promise<T>((resolve) => {
      child.once("message", (reply) => resolve(reply as T));
      child.send(message);
    });

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
        figures.push(
          `  ${name} ${declared ? "declared" : "chunked "}: ${refusal.status} after ${refusal.ms.toFixed(0)} ms, client sent ${(refusal.sentBytes / MB).toFixed(1)} MB, server RSS +${(growth / MB).toFixed(1)} MB`,
        );
        expect(refusal.status).toBe(status);
        expect(refusal.ms).toBeLessThan(REFUSAL_BOUND_MS);
        expect(refusal.sentBytes).toBeLessThan(TOTAL / 2);
        expect(growth).toBeLessThan(MAX_RSS_GROWTH);
      },
    );
  }

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
