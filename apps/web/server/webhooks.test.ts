import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createShare, createWebhookEndpoint } from "@sharelinks/core";
import type { JobQueue } from "@sharelinks/db";
import {
  createTenant,
  reusedTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "@sharelinks/db/testing";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import type { AppConfig } from "./env";
import { startJobs } from "./jobs";

const quiet = { info() {}, warn() {}, error() {} };

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A real receiver on loopback: answers 500 to the first `failures` requests, then 200. */
const receiver = async (failures: number) => {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      res.writeHead(hits.length <= failures ? 500 : 200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hits,
    close: () => new Promise((r) => server.close(r)),
  };
};

const until = async (done: () => boolean, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
};

describe.each(testDatabaseKinds())("webhook delivery end to end on %s", (kind) => {
  let queue: JobQueue | null = null;
  let test: TestDatabase | null = null;
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    await queue?.stop(1_000);
    for (const close of closers.splice(0)) await close();
    await test?.cleanup();
    queue = null;
    test = null;
  });

  it("signs every attempt (Webhook.verify accepts each), retries a failing receiver in order with one webhook-id, then logs the success", async () => {
    test = await reusedTestDatabase(kind);
    test.services.webhooks.urlPolicy = { allowPrivate: true };
    const tenant = await createTenant(test.services, { members: 1 });
    const manager = tenant.actor(tenant.manager);
    const flaky = await receiver(2);
    const steady = await receiver(0);
    closers.push(flaky.close, steady.close);
    const a = await createWebhookEndpoint(test.services.webhooks, manager, { url: flaky.url });
    const b = await createWebhookEndpoint(test.services.webhooks, manager, {
      url: steady.url,
      events: ["share.created"],
    });

    queue = await startJobs({
      config: {
        databaseUrl: test.url ?? undefined,
        expiredShareRetentionDays: 90,
        auditRetentionDays: 400,
        webhookAllowPrivateUrls: true,
      } as AppConfig,
      db: test.db,
      services: test.services,
      logger: quiet,
      pollingIntervalSeconds: 0.5,
      // A short schedule: the retries, not the waiting, are under test.
      webhooks: {
        retryPolicy: { retryDelaysMs: [300, 300, 300], disableAfterFailedDeliveries: 5 },
        relayIntervalMs: 100,
      },
    });

    const member = tenant.actor(tenant.members[0] as never, "req-webhook");
    const view = await createShare(
      test.services.shares,
      member,
      { type: "report", id: tenant.report.id },
      {},
    );
    await until(() => flaky.hits.length >= 3 && steady.hits.length >= 1);

    expect(flaky.hits).toHaveLength(3);
    expect(steady.hits).toHaveLength(1);
    const ids = new Set(flaky.hits.map((h) => h.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    expect(steady.hits[0]?.headers["webhook-id"]).toBe([...ids][0]);
    for (const [hits, secret] of [
      [flaky.hits, a.secret],
      [steady.hits, b.secret],
    ] as const) {
      for (const hit of hits) {
        const payload = new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
        expect(payload).toMatchObject({
          type: "share.created",
          data: { share_id: view.share.id, actor_id: tenant.members[0]?.id, resource_type: "report" },
        });
        expect(hit.body).not.toContain(view.accessToken as string);
      }
    }
    // Attempts in order, each after the backoff.
    for (let i = 1; i < flaky.hits.length; i++)
      expect((flaky.hits[i]?.at ?? 0) - (flaky.hits[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(250);

    let log = await test.services.webhooks.webhooks.listDeliveries({
      endpointId: a.endpoint.id,
      limit: 10,
      startingAfter: null,
    });
    await until(() => log.items[0]?.status === "succeeded", 5_000);
    log = await test.services.webhooks.webhooks.listDeliveries({
      endpointId: a.endpoint.id,
      limit: 10,
      startingAfter: null,
    });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      status: "succeeded",
      attempts: 3,
      lastResponseStatus: 200,
      lastError: null,
    });
    expect(log.items[0]?.eventId).toBe([...ids][0]);
  }, 90_000);
});
