import {
  type AccountDeps,
  type Actor,
  type AnalyticsDeps,
  authenticateSessionWithProfile,
  domainErrorOf,
  isDomainError,
  type ReportReader,
  type ShareDeps,
  unauthorized,
  type WebhookDeps,
} from "@sharelinks/core";
import { initTRPC } from "@trpc/server";
import { domainErrorData, toTRPCError } from "./errors";
import { attemptGuarded, type RequestGuards } from "./guards";

/** The brand's reports as the dashboard reads them: core's read port. */
export type ReportCatalog = ReportReader;

/**
 * What the routers need from `@sharelinks/db`'s `Services`: declared
 * structurally so any object with these members (the real services, a test
 * double) fits.
 */
export interface ApiServices {
  shares: ShareDeps;
  accounts: AccountDeps;
  provisioning: { catalog: ReportCatalog };
  analytics: AnalyticsDeps;
  webhooks: WebhookDeps;
}

/**
 * Built by the HTTP layer (apps/web) once per request. This package never sees
 * the Request: the cookie is read and written through these fields.
 */
export interface TRPCContext {
  services: ApiServices;
  /** The session cookie's value, or null when there is none. */
  sessionToken: string | null;
  /** Carried into audit events. */
  requestId: string;
  /** `PUBLIC_BASE_URL`: share links are built from it, never from the Host header. */
  publicBaseUrl: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  /**
   * Failure budgets for this request's client (sign-in guessing, session
   * guessing) from the HTTP layer. Absent for in-process callers.
   */
  guards?: RequestGuards;
}

export interface CreateContextOptions extends Omit<TRPCContext, "sessionToken" | "requestId"> {
  sessionToken?: string | null;
  /** Generated when the HTTP layer has none. */
  requestId?: string | null;
}

/** Normalizes what the HTTP layer hands over: empty cookie -> null, no trailing slash on the base URL. */
export const createTRPCContext = (opts: CreateContextOptions): TRPCContext => ({
  services: opts.services,
  sessionToken: opts.sessionToken ? opts.sessionToken : null,
  requestId: opts.requestId ? opts.requestId : globalThis.crypto.randomUUID(),
  publicBaseUrl: opts.publicBaseUrl.replace(/\/+$/, ""),
  setSessionCookie: opts.setSessionCookie,
  clearSessionCookie: opts.clearSessionCookie,
  ...(opts.guards && { guards: opts.guards }),
});

const isProduction = () => process.env.NODE_ENV === "production";

const t = initTRPC.context<TRPCContext>().create({
  errorFormatter({ shape, error }) {
    const production = isProduction();
    // Unexpected failures keep their message and stack to the server log; the client gets a generic one.
    const hideMessage = production && error.code === "INTERNAL_SERVER_ERROR" && !domainErrorOf(error);
    const { stack, ...data } = shape.data;
    return {
      ...shape,
      message: hideMessage ? "Internal server error" : shape.message,
      data: { ...data, ...(production ? {} : { stack }), ...domainErrorData(error) },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Every DomainError thrown below this point leaves as the matching TRPCError. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const domain = result.error.cause;
    if (isDomainError(domain)) throw toTRPCError(domain);
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/**
 * Resolves the session cookie to the caller; no valid session -> UNAUTHORIZED.
 * A cookie that names no live session counts as a failed authentication for
 * this client (guessing session tokens is throttled like guessing API keys).
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const token = ctx.sessionToken;
  if (!token) throw unauthorized("Sign in to continue");
  let caller: Awaited<ReturnType<typeof authenticateSessionWithProfile>>;
  try {
    caller = await attemptGuarded(ctx.guards?.authFailures, () =>
      authenticateSessionWithProfile(ctx.services.accounts, token),
    );
  } catch (error) {
    // A dead session cookie is of no further use to the browser.
    if (isDomainError(error) && error.code === "unauthorized") ctx.clearSessionCookie();
    throw error;
  }
  const actor: Actor = { ...caller.caller, requestId: ctx.requestId, profile: caller.profile };
  return next({ ctx: { actor } });
});

export type AuthedContext = TRPCContext & { actor: Actor };
