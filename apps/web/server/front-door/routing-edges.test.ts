import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontDoorHarness, startFrontDoor } from "../test-support/front-door-harness";

/** Sends one raw HTTP/1.1 request (any request target) and returns the status line and headers. */
const raw = (base: string, head: string): Promise<{ status: number; head: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const socket = connect(Number(port), hostname, () => socket.write(`${head}\r\n\r\n`));
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end !== -1) {
        socket.destroy();
        resolve({ status: Number(text.split(" ")[1]), head: text.slice(0, end).toLowerCase() });
      }
    });
    socket.on("error", reject);
  });

/**
 * Issue 8, findings 5 and 10 at the front door: health paths with a query
 * string, absolute-form targets, and the headers every Next.js page gets (the
 * harness stands a 299 handler in for Next.js; the headers are the front
 * door's). No database work is involved beyond /readyz, so PGlite only.
 */
describe("routing edges at the front door", () => {
  let h: FrontDoorHarness;
  beforeAll(async () => {
    h = await startFrontDoor("pglite");
  });
  afterAll(() => h.close());

  it("finding 10: /healthz?x and /readyz?x are the health routes, not Next.js", async () => {
    for (const path of ["/healthz?x", "/readyz?x", "/healthz?", "/readyz?a=1&b=2"]) {
      const res = await fetch(`${h.base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toContain("application/json");
    }
  });

  it("finding 10: an absolute-form target is dispatched on its path; its host is never used", async () => {
    const health = await raw(h.base, "GET http://evil.test/healthz?x HTTP/1.1\r\nHost: links.example.test");
    expect(health.status).toBe(200);
    expect(health.head).toContain("application/json");
    const api = await raw(h.base, "GET http://evil.test/v1/shares HTTP/1.1\r\nHost: links.example.test");
    expect(api.status).toBe(401); // the REST route, not Next.js
    const trpc = await raw(h.base, "GET https://evil.test/api/trpc/auth.me HTTP/1.1\r\nHost: x");
    expect(trpc.status).toBe(401);
    expect(trpc.head).toContain("cache-control: no-store");
    const page = await raw(h.base, "GET http://evil.test/shared/abc HTTP/1.1\r\nHost: x");
    expect(page.status).toBe(404);
    const garbage = await raw(h.base, "GET * HTTP/1.1\r\nHost: x");
    expect(garbage.status).toBe(400);
  });

  it("finding 5: every Next.js page: CSP with frame-ancestors 'none' and a fresh nonce, X-Frame-Options DENY, nosniff, Referrer-Policy", async () => {
    const nonces = new Set<string>();
    for (const path of ["/sign-in", "/reports", "/", "/docs", "/no-such-page"]) {
      // A client's own CSP request header must not choose the nonce.
      const res = await fetch(`${h.base}${path}`, {
        headers: { "content-security-policy": "script-src 'nonce-chosen-by-attacker'" },
      });
      expect(res.status, path).toBe(299);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).not.toContain("chosen-by-attacker");
      nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? "");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("same-origin");
    }
    expect(nonces.size).toBe(5);
  });
});
