import {
  createShare,
  createWebhookEndpoint,
  extendShare,
  removeShare,
  WEBHOOK_EVENT_TYPES,
} from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "../client";
import { createJobQueue, type JobQueue } from "../jobs/job-queue";
import {
  createManualClock,
  createTenant,
  reusedTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";
import { relayWebhookOutbox } from "./webhook-outbox";
import { scanExpiredShares } from "./webhook-scan";

const quiet = { info() {}, warn() {}, error() {} };

describe.each(testDatabaseKinds())("webhooks on %s", (kind) => {
  let test: TestDatabase;
  let queue: JobQueue;
  const clock = createManualClock();

  beforeAll(async () => {
    test = await reusedTestDatabase(kind, { clock });
    test.services.webhooks.urlPolicy = { allowPrivate: true };
    queue = createJobQueue({
      db: test.db,
      ...(test.url && { postgresUrl: test.url }),
      logger: quiet,
      workers: false,
    });
    await queue.start();
    test.services.jobs.bind(queue);
    // A first run after a migration change builds the migrated PGlite image.
  }, 180_000);
  afterAll(async () => {
    await queue?.stop(1_000);
    await test?.cleanup();
  });

  const outbox = () =>
    executeRows<{ id: string; type: string; payload: { data: Record<string, unknown> } }>(
      test.db,
      sql`select id, type, payload from webhook_outbox order by created_at`,
    );
  const relay = () => test.db.orm.transaction((tx) => relayWebhookOutbox(tx, test.services.jobs));
  const deliveryJobs = async () =>
    (
      await executeRows<{ n: number }>(
        test.db,
        sql`select count(*)::int as n from pgboss.job where name = 'webhooks.deliver'`,
      )
    )[0]?.n;

  it("a share change writes its event to the outbox in its transaction; the relay fans it out once", async () => {
    const tenant = await createTenant(test.services);
    const manager = tenant.actor(tenant.manager, "req-1");
    const { endpoint, secret } = await createWebhookEndpoint(test.services.webhooks, manager, {
      url: "http://127.0.0.1:9/hook",
    });
    const onlyRemoved = await createWebhookEndpoint(test.services.webhooks, manager, {
      url: "http://127.0.0.1:9/removed",
      events: ["share.removed"],
    });
    const [stored] = await executeRows<{ secret_ciphertext: string }>(
      test.db,
      sql`select secret_ciphertext from webhook_endpoints where id = ${endpoint.id}`,
    );
    expect(stored?.secret_ciphertext).not.toContain(secret.slice(6, 20));
    expect(test.services.webhooks.secretCipher.decrypt(stored?.secret_ciphertext ?? "")).toBe(secret);

    const member = tenant.actor(tenant.members[0] as never, "req-2");
    const view = await createShare(
      test.services.shares,
      member,
      { type: "report", id: tenant.report.id },
      {},
    );
    const events = await outbox();
    expect(events.map((e) => e.type)).toEqual(["share.created"]);
    expect(events[0]?.payload.data).toEqual({
      share_id: view.share.id,
      brand_id: tenant.brand.id,
      owner_id: tenant.members[0]?.id,
      resource_type: "report",
      resource_id: tenant.report.id,
      expires_at: view.share.expiresAt.toISOString(),
      actor_id: tenant.members[0]?.id,
    });
    expect(JSON.stringify(events)).not.toContain(view.accessToken ?? "never");

    const before = await deliveryJobs();
    expect(await relay()).toBe(1);
    expect(await relay()).toBe(0);
    const deliveries = await executeRows<{ endpoint_id: string; event_id: string; status: string }>(
      test.db,
      sql`select endpoint_id, event_id, status from webhook_deliveries where brand_id = ${tenant.brand.id}`,
    );
    expect(deliveries).toEqual([{ endpoint_id: endpoint.id, event_id: events[0]?.id, status: "pending" }]);
    expect((await deliveryJobs()) ?? 0).toBe((before ?? 0) + 1);
    // Fanning the same event out again adds nothing.
    expect(
      await test.services.webhooks.webhooks.fanOut({
        id: events[0]?.id as string,
        brand_id: tenant.brand.id,
        type: "share.created",
        payload: events[0]?.payload as never,
      }),
    ).toBe(0);

    await removeShare(test.services.shares, manager, view.share.id);
    await relay();
    const removed = await executeRows<{ endpoint_id: string }>(
      test.db,
      sql`select endpoint_id from webhook_deliveries where event_type = 'share.removed' and brand_id = ${tenant.brand.id} order by endpoint_id`,
    );
    expect(removed.map((r) => r.endpoint_id).sort()).toEqual([endpoint.id, onlyRemoved.endpoint.id].sort());
    expect(onlyRemoved.endpoint.events).toEqual(["share.removed"]);
    expect(endpoint.events).toEqual([...WEBHOOK_EVENT_TYPES]);
  });

  it("a share change of a brand without a listening endpoint writes no outbox row", async () => {
    const quietBrand = await createTenant(test.services);
    const listening = await createTenant(test.services);
    await createWebhookEndpoint(test.services.webhooks, listening.actor(listening.manager), {
      url: "http://127.0.0.1:9/hook",
      events: ["share.created"],
    });
    // Subscribed to another type only: still nothing to send for share.created.
    await createWebhookEndpoint(test.services.webhooks, quietBrand.actor(quietBrand.manager), {
      url: "http://127.0.0.1:9/removed",
      events: ["share.removed"],
    });
    for (const tenant of [quietBrand, listening]) {
      await createShare(
        test.services.shares,
        tenant.actor(tenant.manager),
        {
          type: "report",
          id: tenant.report.id,
        },
        {},
      );
    }
    const rows = await executeRows<{ brand_id: string }>(
      test.db,
      sql`select brand_id from webhook_outbox where type = 'share.created' and brand_id in (${quietBrand.brand.id}, ${listening.brand.id})`,
    );
    expect(rows.map((row) => row.brand_id)).toEqual([listening.brand.id]);
  });

  it("a rolled-back change leaves no event behind", async () => {
    const tenant = await createTenant(test.services);
    const actor = tenant.actor(tenant.manager);
    // An endpoint that wants every event: without the rollback, the event would be in the outbox.
    await createWebhookEndpoint(test.services.webhooks, actor, { url: "http://127.0.0.1:9/hook" });
    const failing = test.services.shares.shares.transaction(async (tx) => {
      await tx.recordEvent({
        id: crypto.randomUUID(),
        shareId: crypto.randomUUID(),
        brandId: tenant.brand.id,
        actorId: actor.userId,
        type: "created",
        at: new Date(),
        requestId: null,
        oldExpiresAt: null,
        newExpiresAt: null,
        metadata: null,
        subject: {
          ownerId: actor.userId,
          resource: { type: "report", id: tenant.report.id },
          expiresAt: new Date(),
        },
      });
      throw new Error("boom");
    });
    await expect(failing).rejects.toThrow("boom");
    const rows = await executeRows<{ n: number }>(
      test.db,
      sql`select count(*)::int as n from webhook_outbox where brand_id = ${tenant.brand.id}`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("the expiry scan reports each expiry once, and an extend re-arms it", async () => {
    await relay();
    const tenant = await createTenant(test.services);
    const owner = tenant.actor(tenant.manager);
    const view = await createShare(
      test.services.shares,
      owner,
      { type: "report", id: tenant.report.id },
      {
        expiration_days: 1,
      },
    );
    await relay();
    const later = new Date(view.share.expiresAt.getTime() + 60_000);
    expect(await scanExpiredShares(test.db, later)).toBeGreaterThanOrEqual(1);
    expect(await scanExpiredShares(test.db, later)).toBe(0);
    const expired = async () =>
      (await outbox()).filter((e) => e.type === "share.expired" && e.payload.data.share_id === view.share.id);
    expect(await expired()).toHaveLength(1);
    const audit = await executeRows<{ n: number }>(
      test.db,
      sql`select count(*)::int as n from share_events where share_id = ${view.share.id} and type = 'expired'`,
    );
    expect(audit[0]?.n).toBe(1);

    clock.set(later);
    await extendShare(test.services.shares, owner, view.share.id, { expiration_days: 1 });
    expect(
      await scanExpiredShares(test.db, new Date(later.getTime() + 2 * 86_400_000)),
    ).toBeGreaterThanOrEqual(1);
    expect(await expired()).toHaveLength(2);
  });
});
