import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect, createServer as createTcpServer, type Socket, type Server as TcpServer } from "node:net";
import { createDb, createServices } from "@sharelinks/db";
import { createTestDatabase, describeOnPostgres } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestContext, type RestContext } from "./context";
import {
  ADMIN_TOKEN,
  captureLogger,
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  tokenOf,
} from "./test-support/harness";
import { createNodeHandler } from "./transports/node";

const WELL_FORMED_KEY = `slk_${"k".repeat(43)}`;
const WELL_FORMED_TOKEN = "t".repeat(43);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createTcpServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

const serve = async (ctx: RestContext) => {
  const server = createHttpServer(createNodeHandler(ctx));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Sends a request and reports how long the answer took. */
const timed = async (url: string, init: RequestInit = {}) => {
  const started = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  return { res, json: text ? JSON.parse(text) : undefined, ms: performance.now() - started };
};

const expect503 = (r: Awaited<ReturnType<typeof timed>>) => {
  expect(r.res.status, JSON.stringify(r.json)).toBe(503);
  expect(r.json.error.code).toBe("service_unavailable");
  expect(r.json.error.details.retry_after).toBeGreaterThan(0);
  expect(r.res.headers.get("retry-after")).toBe(String(r.json.error.details.retry_after));
  expect(r.json.request_id).toBe(r.res.headers.get("x-correlation-id"));
  expect(r.ms).toBeLessThan(2_000);
};

/** The same checks whatever made the database unreachable. */
const assertDown = async (base: string, key: string, token: string) => {
  expect((await timed(`${base}/healthz`)).res.status).toBe(200);
  expect503(await timed(`${base}/readyz`));
  expect503(await timed(`${base}/v1/shares`, { headers: { authorization: `Bearer ${key}` } }));
  const publicRead = await timed(`${base}/v1/shared/${token}`);
  expect503(publicRead);
  expect(publicRead.res.headers.get("cache-control")).toBe("no-store");
  expect(publicRead.res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
  expect503(
    await timed(`${base}/v1/admin/brands`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Down" }),
    }),
  );
  // What needs no database still works.
  expect((await timed(`${base}/v1/openapi.json`)).res.status).toBe(200);
  expect((await timed(`${base}/v1/shares`)).res.status).toBe(401);
};

describe("database down", () => {
  describe("embedded PGlite closed under a running server", () => {
    let h: Harness;
    let key: string;
    let token: string;
    beforeAll(async () => {
      h = await startHarness("pglite");
      const t = await provisionTenant(h, 1);
      key = (t.members[0] as Member).key;
      token = tokenOf((await h.request("POST", `/v1/reports/${t.reportId}/shares`, { key })).json);
      await h.services.db.close();
    });
    afterAll(() => h.close());

    it("answers 503 service_unavailable with retry_after, quickly, on every database route; /readyz 503", async () => {
      await assertDown(h.baseUrl, key, token);
      const records = h.logs.records();
      expect(records.filter((r) => r.level === 50)).toEqual([]);
      expect(records.some((r) => r.level === 40 && r.msg === "service unavailable")).toBe(true);
    });
  });

  describe("PostgreSQL unreachable (postgres.js pointed at a closed port)", () => {
    let ctx: RestContext;
    let server: Server;
    let base: string;
    let closeDb: () => Promise<void>;
    beforeAll(async () => {
      const db = await createDb(`postgres://sharelinks:secret@127.0.0.1:${await freePort()}/sharelinks`, {
        connectTimeoutSeconds: 1,
      });
      closeDb = () => db.close();
      ctx = createRestContext({
        services: createServices(db, { tokenSecret: "rest-db-down-test-secret" }),
        publicBaseUrl: "https://links.example.test",
        adminToken: ADMIN_TOKEN,
        logger: captureLogger().logger,
      });
      ({ server, url: base } = await serve(ctx));
    });
    afterAll(async () => {
      await stop(server);
      await ctx.close();
      await closeDb();
    });

    it("answers 503 with retry_after within 2 s, never 500; /readyz 503", async () => {
      await assertDown(base, WELL_FORMED_KEY, WELL_FORMED_TOKEN);
    });
  });

  /** A TCP proxy to the real server that the test can cut and restore. */
  const createProxy = async (target: { host: string; port: number }) => {
    const sockets = new Set<Socket>();
    let server: TcpServer | null = null;
    const port = await freePort();
    return {
      port,
      async up() {
        server = createTcpServer((client) => {
          const upstream = connect(target.port, target.host);
          sockets.add(client).add(upstream);
          client.pipe(upstream).pipe(client);
          const drop = () => {
            client.destroy();
            upstream.destroy();
            sockets.delete(client);
            sockets.delete(upstream);
          };
          client.on("error", drop).on("close", drop);
          upstream.on("error", drop).on("close", drop);
        });
        await new Promise<void>((resolve) => (server as TcpServer).listen(port, "127.0.0.1", resolve));
      },
      async down() {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
        server = null;
      },
    };
  };

  describeOnPostgres("PostgreSQL going away and coming back", () => {
    it("503 while it is gone, 200 again once it is back, with no restart", async () => {
      const database = await createTestDatabase("postgres");
      const [{ name }] = (await (
        database.db.orm as unknown as { $client: (q: TemplateStringsArray) => Promise<{ name: string }[]> }
      ).$client`select current_database() as name`) as [{ name: string }];
      const serverUrl = new URL(process.env.DATABASE_URL as string);
      const proxy = await createProxy({ host: serverUrl.hostname, port: Number(serverUrl.port || 5432) });
      const viaProxy = new URL(serverUrl);
      viaProxy.hostname = "127.0.0.1";
      viaProxy.port = String(proxy.port);
      viaProxy.pathname = `/${name}`;
      const db = await createDb(viaProxy.toString(), { connectTimeoutSeconds: 1 });
      const ctx = createRestContext({
        services: createServices(db, { tokenSecret: "rest-db-recovery-test-secret" }),
        publicBaseUrl: "https://links.example.test",
        adminToken: ADMIN_TOKEN,
        logger: captureLogger().logger,
      });
      const { server, url } = await serve(ctx);
      const createBrand = () =>
        timed(`${url}/v1/admin/brands`, {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify({ name: "Phoenix" }),
        });
      try {
        await proxy.up();
        expect((await timed(`${url}/readyz`)).res.status).toBe(200);
        expect((await createBrand()).res.status).toBe(201);

        await proxy.down();
        expect503(await timed(`${url}/readyz`));
        expect503(await createBrand());

        await proxy.up();
        let ready = 0;
        for (let i = 0; i < 20 && ready !== 200; i += 1) {
          ready = (await timed(`${url}/readyz`)).res.status;
          if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
        }
        expect(ready).toBe(200);
        expect((await createBrand()).res.status).toBe(201);
      } finally {
        await stop(server);
        await ctx.close();
        await db.close();
        await proxy.down();
        await database.cleanup();
      }
    });
  });
});
