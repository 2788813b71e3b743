import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, createServices, type Database, schema } from "@sharelinks/db";
import { TEST_TOKEN_SECRET, testDatabaseKinds } from "@sharelinks/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createRestContext, type RestContext } from "./context";
import { defineRoute } from "./route";
import {
  ADMIN_TOKEN,
  captureLogger,
  type Harness,
  type Member,
  PUBLIC_BASE_URL,
  provisionTenant,
  startHarness,
  type Tenant,
} from "./test-support/harness";
import { createFetchHandler } from "./transports/fetch";
import { createNodeHandler } from "./transports/node";

/** A write whose progress the test holds in its hand: it waits for `release`, and fails the first time when asked. */
const controlledRoutes = () => {
  let runs = 0;
  let failNext = false;
  let entered: () => void = () => {};
  let release: () => void = () => {};
  const route = defineRoute({
    method: "POST",
    path: "/v1/admin/test-writes",
    operationId: "testWrite",
    summary: "test",
    tag: "test",
    auth: "admin",
    body: z.object({ n: z.number() }),
    responses: { 201: { description: "made", schema: z.object({ run: z.number() }) } },
    async handle() {
      runs += 1;
      entered();
      await new Promise<void>((resolve) => (release = resolve));
      if (failNext) {
        failNext = false;
        throw new Error("a bug, answered 500");
      }
      return { status: 201, body: { run: runs }, headers: { Location: `/v1/admin/test-writes/${runs}` } };
    },
  });
  return {
    routes: [route],
    runs: () => runs,
    failOnce: () => (failNext = true),
    /** Resolves once a request is inside the route, i.e. holds its key. */
    entered: () => new Promise<void>((resolve) => (entered = resolve)),
    release: () => release(),
  };
};

describe.each(testDatabaseKinds())("Idempotency-Key under concurrency on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let second: { ctx: RestContext; baseUrl: string; close(): Promise<void> };

  beforeAll(async () => {
    h = await startHarness(kind);
    t = await provisionTenant(h, 1);
    // A second instance: on PostgreSQL its own services and pool on the same database; PGlite is one process's.
    let db: Database = h.services.db;
    if (h.databaseUrl !== null) db = await createDb(h.databaseUrl);
    const ctx = createRestContext({
      services:
        db === h.services.db
          ? h.services
          : createServices(db, { tokenSecret: TEST_TOKEN_SECRET, clock: h.clock }),
      publicBaseUrl: PUBLIC_BASE_URL,
      adminToken: ADMIN_TOKEN,
      logger: captureLogger().logger,
      rateLimits: { perKeyPerMinute: 100_000, publicPerIpPerMinute: 100_000 },
    });
    const server = createServer(createNodeHandler(ctx));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    second = {
      ctx,
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await ctx.close();
        if (db !== h.services.db) await db.close();
      },
    };
  });
  afterAll(async () => {
    await second?.close();
    await h?.close();
  });

  it("identical requests at once over two instances: one does the work, every other is its replay or 409 in_progress", async () => {
    const owner = t.members[0] as Member;
    const path = `/v1/reports/${t.reportId}/shares`;
    const send = (i: number) =>
      fetch(`${i % 2 === 0 ? h.baseUrl : second.baseUrl}${path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${owner.key}`,
          "content-type": "application/json",
          "Idempotency-Key": "together-1",
        },
        body: JSON.stringify({ rotate: true }),
      }).then(async (r) => ({
        status: r.status,
        replayed: r.headers.get("idempotent-replayed"),
        text: await r.text(),
      }));
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i)));

    const fresh = answers.filter((a) => a.status === 201 && a.replayed === null);
    expect(fresh).toHaveLength(1);
    for (const other of answers.filter((a) => a !== fresh[0])) {
      if (other.status === 201) {
        expect(other.replayed).toBe("true");
        expect(other.text).toBe(fresh[0]?.text);
      } else {
        expect(other.status).toBe(409);
        expect(JSON.parse(other.text).error.details.reason).toBe("idempotency_key_in_progress");
      }
    }
    // After the first finished, a retry is always the replay.
    const late = await send(1);
    expect(late).toEqual({ status: 201, replayed: "true", text: fresh[0]?.text });
    const shares = await h.services.db.orm.select().from(schema.shares);
    expect(shares.filter((s) => s.ownerId === owner.id)).toHaveLength(1);
    const events = await h.services.db.orm.select().from(schema.shareEvents);
    expect(events.filter((e) => e.actorId === owner.id && e.type === "rotated")).toHaveLength(1);
  });

  describe("a write the test holds open", () => {
    const control = controlledRoutes();
    let call: (n: number, key?: string) => Promise<Response>;
    beforeAll(() => {
      const ctx = createRestContext(
        {
          services: h.services,
          publicBaseUrl: PUBLIC_BASE_URL,
          adminToken: ADMIN_TOKEN,
          logger: pino({ level: "silent" }),
        },
        control.routes,
      );
      const handle = createFetchHandler(ctx);
      call = (n, key = "held-1") =>
        handle(
          new Request("http://api.test/v1/admin/test-writes", {
            method: "POST",
            headers: {
              authorization: `Bearer ${ADMIN_TOKEN}`,
              "content-type": "application/json",
              "Idempotency-Key": key,
            },
            body: JSON.stringify({ n }),
          }),
        );
    });

    it("a retry while the first runs is 409 idempotency_key_in_progress; once done, the replay, headers included", async () => {
      const inside = control.entered();
      const first = call(1);
      await inside;
      const retry = await call(1);
      expect(retry.status).toBe(409);
      expect((await retry.json()).error).toMatchObject({
        code: "conflict",
        details: { reason: "idempotency_key_in_progress" },
      });
      // A different request under the held key is still "reused", not "in progress".
      const other = await call(2);
      expect((await other.json()).error.details.reason).toBe("idempotency_key_reused");
      control.release();
      const done = await first;
      expect(done.status).toBe(201);
      const firstText = await done.text();
      const replay = await call(1);
      expect(replay.status).toBe(201);
      expect(replay.headers.get("location")).toBe(done.headers.get("location"));
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(await replay.text()).toBe(firstText);
      expect(control.runs()).toBe(1);
    });

    it("a 5xx is not kept: the key is released and the retry does the work", async () => {
      control.failOnce();
      const inside = control.entered();
      const first = call(1, "fails-1");
      await inside;
      control.release();
      expect((await first).status).toBe(500);
      const runsBefore = control.runs();
      const insideAgain = control.entered();
      const retry = call(1, "fails-1");
      await insideAgain;
      control.release();
      const answered = await retry;
      expect(answered.status).toBe(201);
      expect(answered.headers.get("idempotent-replayed")).toBeNull();
      expect(control.runs()).toBe(runsBefore + 1);
    });
  });
});
