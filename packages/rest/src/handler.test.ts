import { DomainError } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRestContext } from "./context";
import { handleRestRequest } from "./handler";
import { defineRoute } from "./route";
import { captureLogger } from "./test-support/harness";
import { servicesThatMustNotBeUsed } from "./test-support/no-services";
import type { RestRequest } from "./types";

const request = (method: string, path: string, body = ""): RestRequest => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: {},
  clientIp: "192.0.2.1",
  readBody: async () => body,
});

const context = (routes: Parameters<typeof createRestContext>[1]) => {
  const logs = captureLogger();
  const ctx = createRestContext(
    {
      services: servicesThatMustNotBeUsed(),
      publicBaseUrl: "https://links.example.test",
      adminToken: "a".repeat(32),
      logger: logs.logger,
    },
    routes,
  );
  return { ctx, logs };
};

describe("handleRestRequest", () => {
  it("an unexpected throw is a 500 internal_error with a generic message, logged with its stack", async () => {
    const { ctx, logs } = context([
      defineRoute({
        method: "GET",
        path: "/v1/boom",
        operationId: "boom",
        summary: "boom",
        tag: "t",
        auth: "none",
        responses: { 200: { description: "never" } },
        handle: () => {
          throw new TypeError("cannot read properties of undefined (secret internals)");
        },
      }),
    ]);
    const res = await handleRestRequest(request("GET", "/v1/boom"), ctx);
    expect(res.status).toBe(500);
    const body = JSON.parse(res.body as string);
    expect(body).toEqual({
      error: { code: "internal_error", message: "An unexpected error occurred" },
      request_id: res.headers["X-Correlation-ID"],
    });
    expect(res.body).not.toContain("secret internals");
    const errorLine = logs.records().find((r) => r.level === 50) as {
      err: { type: string; message: string; stack: string };
      request_id: string;
      route: string;
    };
    expect(errorLine.err.type).toBe("TypeError");
    expect(errorLine.err.message).toContain("cannot read properties of undefined");
    expect(errorLine.err.stack).toMatch(/^\s+at /);
    expect(errorLine.request_id).toBe(res.headers["X-Correlation-ID"]);
    expect(errorLine.route).toBe("/v1/boom");
  });

  it("a service_unavailable without retry_after gets one, and a Retry-After header", async () => {
    const { ctx } = context([
      defineRoute({
        method: "GET",
        path: "/v1/down",
        operationId: "down",
        summary: "down",
        tag: "t",
        auth: "none",
        responses: { 200: { description: "never" } },
        handle: () => {
          throw new DomainError("service_unavailable", "Database is away");
        },
      }),
    ]);
    const res = await handleRestRequest(request("GET", "/v1/down"), ctx);
    expect(res.status).toBe(503);
    const body = JSON.parse(res.body as string);
    expect(body.error.details.retry_after).toBeGreaterThan(0);
    expect(res.headers["Retry-After"]).toBe(String(body.error.details.retry_after));
  });

  it("a body over the limit is 413 payload_too_large and closes the connection", async () => {
    const { ctx } = context([
      defineRoute({
        method: "POST",
        path: "/v1/echo",
        operationId: "echo",
        summary: "echo",
        tag: "t",
        auth: "none",
        body: z.strictObject({ a: z.string() }),
        bodyLimitBytes: 10,
        responses: { 200: { description: "ok" } },
        handle: ({ body }) => ({ status: 200, body }),
      }),
    ]);
    const { BodyTooLargeError } = await import("@sharelinks/edge");
    const res = await handleRestRequest(
      {
        ...request("POST", "/v1/echo"),
        readBody: async (limit) => Promise.reject(new BodyTooLargeError(limit)),
      },
      ctx,
    );
    expect(res.status).toBe(413);
    expect(res.headers.Connection).toBe("close");
    expect(JSON.parse(res.body as string).error).toEqual({
      code: "payload_too_large",
      message: "Request body exceeds the 10-byte limit",
      details: { limit_bytes: 10 },
    });
    const ok = await handleRestRequest(request("POST", "/v1/echo", '{"a":"x"}'), ctx);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('{"a":"x"}');
  });

  it("every response has the JSON content type, no-store and nosniff; a 204 has no body and no content type", async () => {
    const { ctx } = context([
      defineRoute({
        method: "DELETE",
        path: "/v1/thing",
        operationId: "del",
        summary: "del",
        tag: "t",
        auth: "none",
        responses: { 204: { description: "gone" } },
        handle: () => ({ status: 204 }),
      }),
    ]);
    const res = await handleRestRequest(request("DELETE", "/v1/thing"), ctx);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(res.headers["Content-Type"]).toBeUndefined();
    expect(res.headers["Cache-Control"]).toBe("no-store");
    const missing = await handleRestRequest(request("GET", "/nowhere"), ctx);
    expect(missing.status).toBe(404);
    expect(missing.headers).toMatchObject({
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
  });

  it("refuses a publicBaseUrl that is not an absolute http(s) URL", () => {
    for (const publicBaseUrl of ["links.example.test", "ftp://x.test", "https://x.test/?a=1"]) {
      expect(() =>
        createRestContext({
          services: servicesThatMustNotBeUsed(),
          publicBaseUrl,
          adminToken: "",
          logger: captureLogger().logger,
        }),
      ).toThrow(/publicBaseUrl/);
    }
  });
});
