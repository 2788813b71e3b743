import { executeRows } from "@sharelinks/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok } from "./support/api";
import { requireChromium } from "./support/chromium";
import { type RunningServer, startServer } from "./support/server";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (
  what: string,
  done: () => boolean | Promise<boolean>,
  ms: number,
  server?: RunningServer,
) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await done()) return;
    await sleep(250);
  }
  throw new Error(`gave up waiting for ${what}${server ? `\n${server.output()}` : ""}`);
};

/**
 * The delivery queue's timings for this test, written into pg-boss's rows at
 * the kill: the queue's defaults (jobs the relay queues after the restart) and
 * the unfinished jobs (the attempts the kill cut). The expiry stays above an
 * attempt's 10 s timeout (WEBHOOK_TIMEOUT_MS) with room for a loaded machine, so
 * pg-boss never expires an attempt that is still running.
 */
const EXPIRE_SECONDS = 25;
const RETRY_DELAY_SECONDS = 1;

interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
}

/**
 * Issue 12, "durable and at least once": events created while the receiver
 * holds every request unanswered (attempts in flight, attempts that timed out
 * after 10 s and wait for their retry, jobs queued, outbox rows not yet
 * relayed), then `kill -9` of the real server (dist/server.mjs),
 * a restart on the same database (the PGlite data directory, or the
 * PostgreSQL database), the receiver back: every event arrives, each with
 * one `webhook-id` however often it was sent. An attempt cut by the kill is
 * picked up when pg-boss expires its job at its next maintenance
 * (JOB_MAINTENANCE_INTERVAL_SECONDS: every 120 s by default, 5 s on this
 * test's server), then retried. The queue's production timings (expiry 60 s,
 * retry 15 s later: the migration's create_queue) are shortened for this test
 * while the server is down (EXPIRE_SECONDS, RETRY_DELAY_SECONDS below): the
 * same path, 75 s sooner than an idle wait would reach it.
 */
describe("webhooks survive kill -9 of the server", () => {
  let server: RunningServer | null = null;
  let receiver: WebhookReceiver | null = null;

  beforeAll(async () => {
    // The e2e project's rule: without Chromium (and without E2E=required) the suite skips itself.
    if (!requireChromium()) return;
    receiver = await startWebhookReceiver();
    server = await startServer({
      env: { WEBHOOK_ALLOW_PRIVATE_URLS: "true", JOB_MAINTENANCE_INTERVAL_SECONDS: "5" },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it("delivers every event after a restart, never one event under two webhook-ids", {
    timeout: 420_000,
  }, async (ctx) => {
    if (!server || !receiver) return ctx.skip();
    const srv = server;
    const hooks = receiver;
    const admin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
      ok<T>(srv.baseUrl, method, path, srv.adminToken, body);

    const brand = await admin<{ id: string }>("POST", "/v1/admin/brands", { name: "Crashproof Co" });
    const manager = await admin<{ id: string }>("POST", `/v1/admin/brands/${brand.id}/users`, {
      email: `crash.${Date.now()}@e2e.test`,
      name: "Maya",
      role: "manager",
      password: "correct horse battery staple",
    });
    const { key } = await admin<{ key: string }>("POST", `/v1/admin/users/${manager.id}/api-keys`, {
      name: "e2e",
    });
    const api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
      ok<T>(srv.baseUrl, method, path, key, body);

    const endpoint = await api<{ id: string; secret: string }>("POST", "/v1/webhook-endpoints", {
      url: hooks.url,
      description: "crash test receiver",
    });
    hooks.secret = endpoint.secret;
    hooks.mode = "hang";

    const tokens: string[] = [];
    const expected = new Set<string>();
    const share = async (i: number) => {
      const report = await admin<{ id: string }>("POST", `/v1/admin/brands/${brand.id}/reports`, {
        title: `Report ${i}`,
        created_by: manager.id,
        status: "completed",
        completed_at: new Date().toISOString(),
        results: [],
      });
      const created = await api<{ id: string; access_token: string }>(
        "POST",
        `/v1/reports/${report.id}/shares`,
        {},
      );
      tokens.push(created.access_token);
      expected.add(`share.created/${created.id}`);
      return { reportId: report.id, shareId: created.id };
    };

    // Six events, then wait until the receiver holds attempts in flight.
    const first = [];
    for (let i = 0; i < 6; i++) first.push(await share(i));
    await until("attempts in flight at the receiver", () => hooks.held > 0, 60_000, srv);
    // Six more right before the kill: some still in the outbox, some queued.
    for (const { reportId, shareId } of first.slice(0, 3)) {
      await api("PATCH", `/v1/reports/${reportId}/shares/${shareId}`, { expiration_days: 10 });
      expected.add(`share.extended/${shareId}`);
    }
    for (let i = 6; i < 9; i++) await share(i);
    const inFlight = hooks.held;
    await srv.crash();

    expect(expected.size).toBe(12);
    expect(hooks.hits.some((hit) => hit.acknowledged)).toBe(false);
    // Every committed event survived the kill, as an outbox row or a pending delivery.
    const state = await srv.withDatabase(async (db) => {
      const [row] = await executeRows<{ outbox: number; pending: number }>(
        db,
        sql`select (select count(*)::int from webhook_outbox) as outbox,
                   (select count(*)::int from webhook_deliveries where status = 'pending') as pending`,
      );
      // This test's timings (EXPIRE_SECONDS above), written while nothing runs.
      await db.orm.execute(
        `update pgboss.queue set expire_seconds = ${EXPIRE_SECONDS}, retry_delay = ${RETRY_DELAY_SECONDS}
         where name = 'webhooks.deliver'`,
      );
      await db.orm.execute(
        `update pgboss.job set expire_in = interval '${EXPIRE_SECONDS} seconds', retry_delay = ${RETRY_DELAY_SECONDS}
         where name = 'webhooks.deliver' and state in ('created', 'retry', 'active')`,
      );
      return row ?? { outbox: 0, pending: 0 };
    });
    console.info(
      `[webhook-crash] at the kill: ${state.outbox} events in the outbox, ${state.pending} deliveries pending, ${inFlight} attempts in flight`,
    );
    expect(state.outbox + state.pending).toBe(12);

    await srv.restart();
    hooks.mode = "ok";
    const delivered = () =>
      new Set(hooks.hits.filter((hit) => hit.acknowledged).map((hit) => `${hit.type}/${hit.shareId}`));
    await until(
      "every event acknowledged by the receiver",
      () => [...expected].every((event) => delivered().has(event)),
      360_000,
      srv,
    );

    // Signed per Standard Webhooks: every POST verified with the endpoint's secret.
    expect(hooks.hits.filter((hit) => !hit.verified)).toEqual([]);
    // Only the events made, and each under one webhook-id however often it came.
    const idsPerEvent = new Map<string, Set<string>>();
    for (const hit of hooks.hits) {
      const event = `${hit.type}/${hit.shareId}`;
      idsPerEvent.set(event, (idsPerEvent.get(event) ?? new Set()).add(hit.webhookId));
    }
    expect([...idsPerEvent.keys()].sort()).toEqual([...expected].sort());
    for (const [event, ids] of idsPerEvent) expect([event, ids.size]).toEqual([event, 1]);
    // Never the token or the share URL in a payload.
    for (const hit of hooks.hits) for (const token of tokens) expect(hit.body).not.toContain(token);

    // The log agrees: one delivery per event, all succeeded.
    await until(
      "the delivery log to show every delivery succeeded",
      async () => {
        const log = await api<{ data: Delivery[] }>(
          "GET",
          `/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=100`,
        );
        return log.data.length === 12 && log.data.every((d) => d.status === "succeeded");
      },
      30_000,
      srv,
    );
    const log = await api<{ data: Delivery[] }>(
      "GET",
      `/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=100`,
    );
    expect(new Set(log.data.map((d) => d.event_id))).toEqual(
      new Set([...idsPerEvent.values()].map((ids) => [...ids][0])),
    );
    const resent = hooks.hits.length - expected.size;
    console.info(
      `[webhook-crash] ${hooks.hits.length} POSTs for 12 events (${resent} repeats with the same webhook-id), attempts per delivery: ${log.data.map((d) => d.attempts).join(",")}`,
    );
  });
});
