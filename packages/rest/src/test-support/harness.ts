import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DatabaseKind, Services } from "@sharelinks/db";
import { createManualClock, type ManualClock, reusedTestDatabase } from "@sharelinks/db/testing";
import { captureLogger as edgeCaptureLogger } from "@sharelinks/edge/testing";
import { expect } from "vitest";
import { createRestContext, type RestContext, type RestContextOptions } from "../context";
import { errorSchema } from "../schemas";
import { createNodeHandler } from "../transports/node";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
export const PUBLIC_BASE_URL = "https://links.example.test";

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body; undefined when empty. */
  // biome-ignore lint/suspicious/noExplicitAny: bodies are asserted field by field in the tests
  json: any;
}

export interface RequestOptions {
  /** API key for `Authorization: Bearer`. */
  key?: string;
  /** Raw Authorization header (wins over `key`). */
  authorization?: string;
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** The production logger capturing its JSON lines (and writing them to the run's log directory for the secret scan). */
export const captureLogger = () => edgeCaptureLogger({ name: "rest" });

export interface Harness {
  baseUrl: string;
  ctx: RestContext;
  services: Services;
  /** PostgreSQL only (else null): the database's URL, for a second instance's own pool. */
  databaseUrl: string | null;
  clock: ManualClock;
  logs: ReturnType<typeof captureLogger>;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  admin(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  rateLimits?: RestContextOptions["rateLimits"];
  redisUrl?: string;
  rateLimitKeyPrefix?: string;
  trustProxyHops?: number;
  /** Skip the per-response contract checks (the property test does its own). */
  checkResponses?: boolean;
}

/**
 * A real database (PGlite, or PostgreSQL from DATABASE_URL), the adapter on a
 * real `node:http` server on port 0, and a fetch client. Every response is held
 * to the route's documented schema, and X-Correlation-ID to the request id.
 */
export const startHarness = async (kind: DatabaseKind, options: HarnessOptions = {}): Promise<Harness> => {
  const clock = createManualClock(new Date());
  // PGlite: a database reset from the previous file's (@sharelinks/db/testing's reused-pglite.ts), not a new one per file.
  const database = await reusedTestDatabase(kind, { clock });
  const { services } = database;
  const logs = captureLogger();
  const ctx = createRestContext({
    services,
    publicBaseUrl: PUBLIC_BASE_URL,
    adminToken: ADMIN_TOKEN,
    logger: logs.logger,
    rateLimits: options.rateLimits ?? { perKeyPerMinute: 100_000, publicPerIpPerMinute: 100_000 },
    ...(options.redisUrl && { redisUrl: options.redisUrl }),
    rateLimitKeyPrefix: options.rateLimitKeyPrefix ?? `test-${randomUUID()}`,
    ...(options.trustProxyHops !== undefined && { trustProxyHops: options.trustProxyHops }),
  });
  const server = createServer(createNodeHandler(ctx));
  // Longer than any test's pause, so the client never reuses a socket the server is closing.
  server.keepAliveTimeout = 120_000;
  await listen(server);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const check = options.checkResponses ?? true;

  const request = async (method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.authorization !== undefined) headers.authorization = opts.authorization;
    else if (opts.key !== undefined) headers.authorization = `Bearer ${opts.key}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    const response: ApiResponse = {
      status: res.status,
      headers: res.headers,
      text,
      json: text ? JSON.parse(text) : undefined,
    };
    if (check) assertContract(ctx, method, path, response);
    return response;
  };

  return {
    baseUrl,
    ctx,
    services,
    databaseUrl: database.url,
    clock,
    logs,
    request,
    admin: (method, path, body) => request(method, path, { authorization: `Bearer ${ADMIN_TOKEN}`, body }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await ctx.close();
      await database.cleanup();
    },
  };
};

const listen = (server: Server) =>
  new Promise<Server>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What every response of the API promises, whatever the route. */
export const assertContract = (ctx: RestContext, method: string, path: string, response: ApiResponse) => {
  const correlationId = response.headers.get("x-correlation-id");
  expect(correlationId, "X-Correlation-ID").toMatch(UUID);
  expect(response.status, `${method} ${path} answered 500: ${response.text}`).not.toBe(500);
  if (response.status >= 400 && method !== "HEAD") {
    const envelope = errorSchema.parse(response.json);
    expect(envelope.request_id).toBe(correlationId);
    return;
  }
  if (method === "HEAD") {
    expect(response.text, "HEAD has no body").toBe("");
    return;
  }
  const match = ctx.router.match(method, path.split("?")[0] as string);
  if (match.kind !== "route") throw new Error(`${method} ${path} succeeded without a route`);
  const spec = match.route.responses[response.status];
  expect(spec, `${method} ${path}: undocumented status ${response.status}`).toBeDefined();
  if (spec?.schema) {
    const parsed = spec.schema.safeParse(response.json);
    expect(parsed.success, `${method} ${path} body does not match its schema: ${parsed.error?.message}`).toBe(
      true,
    );
  } else {
    expect(response.text, `${method} ${path}: ${response.status} must have an empty body`).toBe("");
  }
};

// ---- provisioning through the admin API itself

export interface Member {
  id: string;
  email: string;
  role: "member" | "manager";
  key: string;
  keyId: string;
}

export interface Tenant {
  brandId: string;
  manager: Member;
  members: Member[];
  /** Completed: shareable. */
  reportId: string;
  /** One completed run: shareable. */
  scheduleId: string;
}

export const RESULTS = [
  { prompt: "best crm", engine: "chatgpt", mentioned: true, position: 2, sentiment: "positive" },
  { prompt: "best crm", engine: "gemini", mentioned: false, position: null, sentiment: null },
  { prompt: "crm for agencies", engine: "chatgpt", mentioned: true, position: 1, sentiment: "neutral" },
  {
    prompt: "crm for agencies",
    engine: "perplexity",
    mentioned: true,
    position: null,
    sentiment: "negative",
  },
];

const created = (response: ApiResponse, what: string) => {
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`provisioning ${what} failed: ${response.status} ${response.text}`);
  }
  return response.json;
};

export const addUser = async (h: Harness, brandId: string, role: "member" | "manager"): Promise<Member> => {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const user = created(await h.admin("POST", `/v1/admin/brands/${brandId}/users`, { email, role }), "user");
  const key = created(
    await h.admin("POST", `/v1/admin/users/${user.id}/api-keys`, { name: "test" }),
    "api key",
  );
  return { id: user.id, email, role, key: key.key, keyId: key.id };
};

export const addReport = async (
  h: Harness,
  brandId: string,
  createdBy: string,
  overrides: Record<string, unknown> = {},
): Promise<string> =>
  created(
    await h.admin("POST", `/v1/admin/brands/${brandId}/reports`, {
      title: "AI visibility, March",
      created_by: createdBy,
      status: "completed",
      completed_at: h.clock.now().toISOString(),
      results: RESULTS,
      ...overrides,
    }),
    "report",
  ).id;

export const addSchedule = async (h: Harness, brandId: string, createdBy: string, completedRuns = 1) => {
  const schedule = created(
    await h.admin("POST", `/v1/admin/brands/${brandId}/scheduled-reports`, {
      name: "Weekly visibility",
      cadence: "weekly",
      created_by: createdBy,
    }),
    "schedule",
  );
  for (let i = 0; i < completedRuns; i += 1) {
    const at = new Date(h.clock.now().getTime() - (completedRuns - i) * 86_400_000).toISOString();
    created(
      await h.admin("POST", `/v1/admin/scheduled-reports/${schedule.id}/runs`, {
        status: "completed",
        started_at: at,
        completed_at: at,
        results: RESULTS,
      }),
      "run",
    );
  }
  return schedule.id as string;
};

export const provisionTenant = async (h: Harness, members = 2): Promise<Tenant> => {
  const brand = created(
    await h.admin("POST", "/v1/admin/brands", { name: `Brand ${randomUUID().slice(0, 6)}` }),
    "brand",
  );
  const manager = await addUser(h, brand.id, "manager");
  const list: Member[] = [];
  for (let i = 0; i < members; i += 1) list.push(await addUser(h, brand.id, "member"));
  return {
    brandId: brand.id,
    manager,
    members: list,
    reportId: await addReport(h, brand.id, manager.id),
    scheduleId: await addSchedule(h, brand.id, manager.id),
  };
};

/** `/v1/reports/{id}` or `/v1/scheduled-reports/{id}` */
export const resourceBase = (tenant: Tenant, kind: "report" | "scheduled") =>
  kind === "report" ? `/v1/reports/${tenant.reportId}` : `/v1/scheduled-reports/${tenant.scheduleId}`;

export const tokenOf = (share: { share_url: string }) => share.share_url.split("/shared/")[1] as string;
