import { randomUUID } from "node:crypto";
import {
  type Actor,
  addRun,
  createBrand,
  createReport,
  createScheduledReport,
  createUser,
  type ResultRow,
  type Role,
  type ShareEvent,
  type ShareRepository,
  type ShareTransaction,
  type User,
} from "@sharelinks/core";
import { type createTestDatabase, reusedTestDatabase, testDatabaseKinds } from "@sharelinks/db/testing";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { RequestGuards } from "../guards";
import { appRouter, createCaller, createTRPCContext } from "../index";

type DatabaseKind = Parameters<typeof createTestDatabase>[0];
type Services = Awaited<ReturnType<typeof createTestDatabase>>["services"];

/** The parts of `@sharelinks/db`'s Services the tests drive (the routers see only ApiServices). */
export type TestServices = Omit<Services, "db">;

export interface Backend {
  services: TestServices;
  cleanup(): Promise<void>;
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export const backendKinds = (): DatabaseKind[] => testDatabaseKinds();

export const openBackend = async (kind: DatabaseKind): Promise<Backend> => {
  // PGlite: the previous file's database, reset (@sharelinks/db/testing's reused-pglite.ts), not a new one per file.
  const database = await reusedTestDatabase(kind);
  return { services: database.services, cleanup: () => database.cleanup() };
};

export interface FakeClock {
  now(): Date;
  advance(ms: number): void;
}

const createFakeClock = (start = "2025-03-10T09:00:00.000Z"): FakeClock => {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
};

export const DAY_MS = 24 * 60 * 60 * 1000;

export const PUBLIC_BASE_URL = "https://links.example.test";
export const PASSWORD = "correct horse battery staple";

const rows = (mentions: boolean[]): ResultRow[] =>
  mentions.map((mentioned, index) => ({
    prompt: `prompt ${index + 1}`,
    engine: index % 2 === 0 ? "chatgpt" : "perplexity",
    mentioned,
    position: mentioned ? index + 1 : null,
    sentiment: mentioned ? "positive" : null,
  }));

/**
 * Share use cases run on a fake clock so expiry can be stepped through;
 * accounts keep the real one (sessions are minted and checked against it).
 */
export interface World {
  services: TestServices;
  clock: FakeClock;
  brand: { id: string; name: string };
  manager: User;
  alice: User;
  bob: User;
  report: { id: string; title: string };
  runningReport: { id: string };
  schedule: { id: string; name: string };
  /** Audit events written through this world's services. */
  events: ShareEvent[];
  emptySchedule: { id: string };
  other: { brandId: string; user: User; reportId: string };
}

/** Delegates every call, copying each audit event as it is written (methods stay bound to the original). */
const delegate = <T extends object>(target: T, overrides: Partial<T>): T =>
  new Proxy(target, {
    get(object, property) {
      if (property in overrides) return overrides[property as keyof T];
      const value = Reflect.get(object, property, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });

const recordingEvents = (repository: ShareRepository, events: ShareEvent[]): ShareRepository =>
  delegate(repository, {
    transaction: (work) =>
      repository.transaction((tx: ShareTransaction) =>
        work(
          delegate(tx, {
            recordEvent: async (event: ShareEvent) => {
              await tx.recordEvent(event);
              events.push(event);
            },
          }),
        ),
      ),
  });

let worlds = 0;

/** Each call seeds a fresh pair of brands, so tests sharing one database stay independent. */
export const seedWorld = async (base: TestServices): Promise<World> => {
  worlds += 1;
  const tag = `${process.pid}-${worlds}`;
  const clock = createFakeClock();
  const events: ShareEvent[] = [];
  const services: TestServices = {
    ...base,
    shares: { ...base.shares, clock, shares: recordingEvents(base.shares.shares, events) },
    publicRead: { ...base.publicRead, clock },
    analytics: { ...base.analytics, clock },
  };
  const p = services.provisioning;
  const brand = await createBrand(p, { name: "Acme" });
  const user = (email: string, name: string, role: Role) =>
    createUser(p, brand.id, { email: email.replace("@", `.${tag}@`), name, role, password: PASSWORD });
  const manager = await user("mia@acme.test", "Mia Manager", "manager");
  const alice = await user("alice@acme.test", "Alice", "member");
  const bob = await user("bob@acme.test", "Bob", "member");
  const report = await createReport(p, brand.id, {
    title: "Q1 visibility",
    created_by: alice.id,
    status: "completed",
    completed_at: "2025-03-01T10:00:00.000Z",
    results: rows([true, false, true, true]),
  });
  const runningReport = await createReport(p, brand.id, {
    title: "Still running",
    created_by: alice.id,
    status: "running",
    results: [],
  });
  const schedule = await createScheduledReport(p, brand.id, {
    name: "Weekly pulse",
    cadence: "weekly",
    created_by: alice.id,
  });
  await addRun(p, schedule.id, {
    status: "completed",
    started_at: "2025-02-01T09:00:00.000Z",
    completed_at: "2025-02-01T09:30:00.000Z",
    results: rows([true, false]),
  });
  await addRun(p, schedule.id, {
    status: "failed",
    started_at: "2025-02-08T09:00:00.000Z",
    results: [],
  });
  await addRun(p, schedule.id, {
    status: "completed",
    started_at: "2025-02-15T09:00:00.000Z",
    completed_at: "2025-02-15T09:30:00.000Z",
    results: rows([true, true]),
  });
  const emptySchedule = await createScheduledReport(p, brand.id, {
    name: "Not run yet",
    cadence: "daily",
    created_by: alice.id,
  });

  const otherBrand = await createBrand(p, { name: "Globex" });
  const otherUser = await createUser(p, otherBrand.id, {
    email: `olga.${tag}@globex.test`,
    name: "Olga",
    role: "manager",
    password: PASSWORD,
  });
  const otherReport = await createReport(p, otherBrand.id, {
    title: "Globex report",
    created_by: otherUser.id,
    status: "completed",
    completed_at: "2025-03-01T10:00:00.000Z",
    results: rows([true]),
  });

  return {
    services,
    clock,
    events,
    brand: { id: brand.id, name: brand.name },
    manager,
    alice,
    bob,
    report: { id: report.id, title: report.title },
    runningReport: { id: runningReport.id },
    schedule: { id: schedule.id, name: schedule.name },
    emptySchedule: { id: emptySchedule.id },
    other: { brandId: otherBrand.id, user: otherUser, reportId: otherReport.id },
  };
};

export const actorOf = (user: User): Actor => ({
  userId: user.id,
  brandId: user.brandId,
  role: user.role,
  requestId: null,
});

/** A browser: holds the session cookie the HTTP layer would set and clear. */
export class Browser {
  token: string | null = null;
  cookieExpiresAt: Date | null = null;
  readonly cookieWrites: Array<"set" | "clear"> = [];
  /** Every request id this browser's calls carried, in order. */
  readonly requestIds: string[] = [];
  /** The HTTP layer's failure budgets, when a test wants them. */
  guards: RequestGuards | undefined;

  constructor(private readonly services: TestServices) {}

  context() {
    const requestId = randomUUID();
    this.requestIds.push(requestId);
    return createTRPCContext({
      services: this.services,
      sessionToken: this.token,
      requestId,
      publicBaseUrl: `${PUBLIC_BASE_URL}/`,
      setSessionCookie: (token, expiresAt) => {
        this.token = token;
        this.cookieExpiresAt = expiresAt;
        this.cookieWrites.push("set");
      },
      clearSessionCookie: () => {
        this.token = null;
        this.cookieExpiresAt = null;
        this.cookieWrites.push("clear");
      },
      ...(this.guards && { guards: this.guards }),
    });
  }

  /** A caller bound to the cookie as it is now. */
  get api() {
    return createCaller(this.context());
  }

  async signIn(email: string, password = PASSWORD) {
    return this.api.auth.signIn({ email, password });
  }

  /** Through the real HTTP adapter, so the error formatter's output can be inspected. */
  async http(path: string, input: unknown, method: "GET" | "POST" = "POST") {
    const url = new URL(`${PUBLIC_BASE_URL}/api/trpc/${path}`);
    if (method === "GET") url.searchParams.set("input", JSON.stringify(input));
    const req = new Request(url, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? JSON.stringify(input) : undefined,
    });
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () => this.context(),
    });
    return { status: res.status, body: (await res.json()) as HttpBody };
  }
}

export interface HttpBody {
  result?: { data: unknown };
  error?: {
    message: string;
    code: number;
    data: {
      code: string;
      httpStatus: number;
      path?: string;
      domainCode: string | null;
      details: Record<string, unknown> | null;
    };
  };
}

export const signedIn = async (services: TestServices, user: User) => {
  const browser = new Browser(services);
  await browser.signIn(user.email);
  return browser;
};

/** Awaits a rejection and checks it is a TRPCError with this code. */
export const expectTRPCError = async (promise: Promise<unknown>, code: TRPCError["code"]) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
};

/** The core error code behind a TRPCError (what `data.domainCode` carries over HTTP). */
export const domainCodeOf = (error: TRPCError): string | undefined =>
  (error.cause as { code?: string } | undefined)?.code;

export interface SignedInWorld {
  backend: Backend;
  world: World;
  alice: Browser;
  bob: Browser;
  manager: Browser;
  reportRef: { type: "report"; id: string };
}

/**
 * One database for the describe block and a seeded world with the three
 * teammates signed in: fresh for every test (`"each"`) or shared by the
 * block (`"once"`). Read its fields inside tests: hooks fill them.
 */
export const useWorld = (kind: DatabaseKind, seed: "each" | "once"): SignedInWorld => {
  const t = {} as SignedInWorld;
  const fresh = async () => {
    t.world = await seedWorld(t.backend.services);
    [t.alice, t.bob, t.manager] = await Promise.all([
      signedIn(t.world.services, t.world.alice),
      signedIn(t.world.services, t.world.bob),
      signedIn(t.world.services, t.world.manager),
    ]);
    t.reportRef = { type: "report", id: t.world.report.id };
  };
  beforeAll(async () => {
    t.backend = await openBackend(kind);
    if (seed === "once") await fresh();
  });
  afterAll(() => t.backend.cleanup());
  if (seed === "each") beforeEach(fresh);
  return t;
};
