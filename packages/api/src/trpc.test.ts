import { DomainError, ERROR_CODES, type ErrorCode } from "@sharelinks/core";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { TRPC_CODE_BY_DOMAIN_CODE } from "./errors";
import {
  createCallerFactory,
  createTRPCContext,
  createTRPCRouter,
  publicProcedure,
  type TRPCContext,
} from "./trpc";

/** A router that only throws, to see each error leave through the real middleware and formatter. */
const throwing = createTRPCRouter({
  domain: publicProcedure.input(z.strictObject({ code: z.enum(ERROR_CODES) })).query(({ input }) => {
    throw new DomainError(input.code, `boom: ${input.code}`, { reason: "because", limit: 50 });
  }),
  bug: publicProcedure.query(() => {
    throw new Error("secret database detail");
  }),
});

const context = (): TRPCContext =>
  createTRPCContext({
    services: {} as TRPCContext["services"],
    sessionToken: "",
    publicBaseUrl: "https://links.example.test///",
    setSessionCookie: () => {},
    clearSessionCookie: () => {},
  });

const overHttp = async (path: string, input?: unknown) => {
  const url = new URL(`https://links.example.test/api/trpc/${path}`);
  if (input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router: throwing,
    createContext: context,
  });
  return {
    status: res.status,
    body: (await res.json()) as { error: { message: string; data: Record<string, unknown> } },
  };
};

const expectedHttp: Record<ErrorCode, number> = {
  validation_error: 400,
  body_validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  gone: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limit_exceeded: 429,
  internal_error: 500,
  service_unavailable: 503,
};

describe("DomainError -> TRPCError", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each(ERROR_CODES)("maps %s in one place, for callers and over HTTP", async (code) => {
    const caller = createCallerFactory(throwing)(context());
    const error = await caller.domain({ code }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe(TRPC_CODE_BY_DOMAIN_CODE[code]);
    expect((error as TRPCError).message).toBe(`boom: ${code}`);

    const { status, body } = await overHttp("domain", { code });
    expect(status).toBe(expectedHttp[code]);
    expect(body.error.message).toBe(`boom: ${code}`);
    expect(body.error.data).toMatchObject({
      domainCode: code,
      details: { reason: "because", limit: 50 },
      httpStatus: expectedHttp[code],
    });
  });

  it("turns an unexpected error into INTERNAL_SERVER_ERROR, hiding its message in production", async () => {
    const caller = createCallerFactory(throwing)(context());
    await expect(caller.bug()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });

    vi.stubEnv("NODE_ENV", "production");
    const { status, body } = await overHttp("bug");
    expect(status).toBe(500);
    expect(body.error.message).toBe("Internal server error");
    expect(JSON.stringify(body)).not.toContain("secret database detail");
    expect(body.error.data).toMatchObject({ domainCode: "internal_error", details: null });
  });

  it("reports input validation as body_validation_error with [{path, message}]", async () => {
    const { status, body } = await overHttp("domain", { code: "nope", extra: 1 });
    expect(status).toBe(400);
    expect(body.error.data.domainCode).toBe("body_validation_error");
    expect(body.error.data.details).toEqual({
      errors: expect.arrayContaining([
        { path: "code", message: expect.any(String) },
        { path: "extra", message: "Unknown field" },
      ]),
    });
  });

  it("normalizes the context: empty cookie is no session, base URL without trailing slash, a request id", () => {
    const ctx = context();
    expect(ctx.sessionToken).toBeNull();
    expect(ctx.publicBaseUrl).toBe("https://links.example.test");
    expect(ctx.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
