import type { Actor, ErrorCode, PasswordAttemptGuard } from "@sharelinks/core";
import type { z } from "zod";
import type { RestHeaders, RestServices } from "./types";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * - `api_key`: `Authorization: Bearer <api key>`, rate-limited per key.
 * - `admin`: `Authorization: Bearer <ADMIN_TOKEN>`.
 * - `public`: no auth, rate-limited per client IP, public-page headers.
 * - `none`: no auth, no limit (health, OpenAPI).
 */
export type AuthKind = "api_key" | "admin" | "public" | "none";

export interface ResponseSpec {
  description: string;
  /** JSON body schema; absent for an empty body (204). */
  schema?: z.ZodType;
}

/**
 * What a route handler may use: the use cases' dependencies and a few settings.
 * Narrower than the adapter's whole context (limits, router, logger), and
 * defined here so route files depend on this file only.
 */
export interface RouteContext {
  readonly services: RestServices;
  /** PUBLIC_BASE_URL: share links are `${publicBaseUrl}/shared/${token}`. */
  readonly publicBaseUrl: string;
  /** How long /readyz waits for the database ping. */
  readonly readyTimeoutMs: number;
  /** True once the server is shutting down: `/readyz` answers 503 so balancers stop sending. */
  readonly draining: () => boolean;
  /** The OpenAPI document, serialized once at startup. */
  readonly openApiJson: string;
  /** Link protection on the public read (docs/protection.md): the wrong-password throttle, the bot check. */
  readonly protection: {
    guardFor(clientIp: string): PasswordAttemptGuard;
    isBot(userAgent: string): boolean;
  };
}

export interface HandlerInput<A extends AuthKind, P, Q, B> {
  ctx: RouteContext;
  actor: A extends "api_key" ? Actor : null;
  params: P;
  query: Q;
  body: B;
  requestId: string;
  /** What the public read needs of the request itself (the password header, the user agent, the client). */
  request: { headers: RestHeaders; clientIp: string };
}

export interface HandlerResult {
  status: number;
  /** Serialized with JSON.stringify; omit for an empty body. */
  body?: unknown;
  /** Already-serialized JSON, for documents built once. */
  json?: string;
  headers?: Record<string, string>;
  /** The share a public read answered with: the transport hands it to view counting. */
  viewedShareId?: string;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteDefinition<
  A extends AuthKind,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
> {
  method: HttpMethod;
  /** OpenAPI-style pattern: `/v1/reports/{report_id}/shares`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: A;
  /** Path parameters; a mismatch is 400 `validation_error`. */
  params?: P;
  /**
   * False when the handler judges the raw parameters itself (the public token:
   * a malformed token is an unknown link, 404, not a bad request). The schema
   * still documents them.
   */
  validateParams?: boolean;
  query?: Q;
  /** JSON body; a mismatch (or non-JSON) is 422 `body_validation_error`. */
  body?: B;
  /** Overrides the context's body size limit. */
  bodyLimitBytes?: number;
  /** Success responses by status. */
  responses: Record<number, ResponseSpec>;
  /** Error codes the use case itself can raise; auth, parsing and availability errors are added by the adapter. */
  errors?: readonly ErrorCode[];
  /** Whether the route touches the database (documents 503). Defaults to true. */
  usesDatabase?: boolean;
  handle(input: HandlerInput<A, Output<P>, Output<Q>, Output<B>>): Promise<HandlerResult> | HandlerResult;
}

/** A route with its types erased, as the table holds it. */
export interface Route {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: AuthKind;
  params?: z.ZodType;
  validateParams?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyLimitBytes?: number;
  responses: Record<number, ResponseSpec>;
  errors?: readonly ErrorCode[];
  usesDatabase?: boolean;
  handle(input: HandlerInput<AuthKind, unknown, unknown, unknown>): Promise<HandlerResult> | HandlerResult;
}

export const defineRoute = <
  A extends AuthKind,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  definition: RouteDefinition<A, P, Q, B>,
): Route => definition as unknown as Route;
