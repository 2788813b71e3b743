import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, createServices, type DatabaseKind } from "@sharelinks/db";
import {
  createManualClock,
  type ManualClock,
  reusedTestDatabase,
  TEST_TOKEN_SECRET,
  type TestDatabase,
} from "@sharelinks/db/testing";
import { type CapturedLogs, captureLogger } from "@sharelinks/edge/testing";
import type { AppConfig } from "../env";
import { createServerFrontDoor, type ServerFrontDoor } from "../front-door/server-front-door";
import type { ServerMetrics } from "../metrics/server-metrics";
import type { Tracing } from "../telemetry/tracing";

export const PUBLIC_BASE_URL = "https://links.example.test";
export const ADMIN_TOKEN = "admin-token-for-the-one-port-test";
/** Headers a browser on the app's own pages sends with a tRPC mutation. */
export const SAME_ORIGIN = { origin: PUBLIC_BASE_URL, "content-type": "application/json" } as const;

export interface FrontDoorHarness {
  base: string;
  frontDoor: ServerFrontDoor;
  database: TestDatabase;
  clock: ManualClock;
  logs: CapturedLogs;
  close(): Promise<void>;
}

/**
 * The server entry's wiring minus Next.js (stood in for by a handler that
 * answers 299 "next"), on a real database and a real port 0 listener.
 */
export const startFrontDoor = async (
  kind: DatabaseKind,
  overrides: Partial<AppConfig> = {},
  options: { sharedWith?: FrontDoorHarness; metrics?: ServerMetrics; tracing?: Tracing } = {},
): Promise<FrontDoorHarness> => {
  const clock = options.sharedWith?.clock ?? createManualClock(new Date("2026-03-01T10:00:00.000Z"));
  const database = options.sharedWith
    ? await secondPoolOn(options.sharedWith.database, clock)
    : await reusedTestDatabase(kind, { clock });
  const logs = captureLogger({ name: "front-door", level: "debug" });
  const config = {
    publicBaseUrl: PUBLIC_BASE_URL,
    adminToken: ADMIN_TOKEN,
    shareTokenSecret: "front-door-harness-share-token-secret",
    rateLimitPerMinute: 100_000,
    publicRateLimitPerMinute: 100_000,
    authFailureLimitPerMinute: 100_000,
    trustProxyHops: 0,
    redisUrl: undefined,
    publicPageCacheBytes: 16 * 1024 * 1024,
    ...overrides,
  } as AppConfig;
  const frontDoor = createServerFrontDoor({
    config,
    services: database.services,
    logger: logs.logger,
    rateLimitKeyPrefix: `test-${randomUUID()}`,
    ...(options.metrics && { metrics: options.metrics }),
    ...(options.tracing && { tracing: options.tracing }),
    next: async (_req, res) => {
      res.writeHead(299, { "content-type": "text/plain" }).end("next");
    },
  });
  const server: Server = createServer();
  frontDoor.attach(server);
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    frontDoor,
    database,
    clock,
    logs,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await frontDoor.close();
      await database.cleanup();
    },
  };
};

/**
 * Another instance's view of a test database: on PostgreSQL its own
 * connection pool and services on the same database; PGlite has a single
 * connection, so there both instances share it. Cleaning up closes only what
 * this one opened.
 */
const secondPoolOn = async (first: TestDatabase, clock: ManualClock): Promise<TestDatabase> => {
  if (first.kind !== "postgres" || first.url === null) return { ...first, cleanup: async () => {} };
  const db = await createDb(first.url);
  const services = createServices(db, { tokenSecret: TEST_TOKEN_SECRET, clock });
  return { kind: "postgres", db, services, url: first.url, cleanup: () => db.close() };
};
