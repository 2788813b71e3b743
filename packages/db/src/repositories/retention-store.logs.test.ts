import { randomBytes, randomUUID } from "node:crypto";
import { DEFAULT_RETENTION_POLICY, runRetention, type WebhookDeliveryStatus } from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Database, type DatabaseKind, executeRows } from "../client";
import {
  reports,
  shares,
  shareViewDays,
  shareViewVisitors,
  webhookDeliveries,
  webhookEndpoints,
} from "../schema";
import {
  createManualClock,
  createTenant,
  reusedTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";
import { DrizzleRetentionStore } from "./retention-store";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-01-15T12:00:00.000Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
/** Small batches, so two instances interleave many of them. */
const BATCH = 7;
const STATUSES: WebhookDeliveryStatus[] = ["succeeded", "failed", "pending"];
/** Today and yesterday (UTC) stay under the default of 2 days; 13 January and older go. */
const KEY_DAYS = ["2026-01-15", "2026-01-14", "2026-01-13", "2026-01-05"];

interface Seeded {
  keptDeliveries: string[];
  keptKeys: string[];
  doomedDeliveries: number;
  doomedKeys: number;
}

/**
 * Deliveries on either side of the 30-day cutoff (30 days and a second ago /
 * 29 days ago) in every status: only finished old ones go, an old pending one
 * (still retrying) stays. Visitor keys of two shares on four days; the daily
 * rollups of every day stay whatever happens to the keys.
 */
const seed = async (db: Database, services: Parameters<typeof createTenant>[0]): Promise<Seeded> => {
  const tenant = await createTenant(services, { members: 0 });
  const brandId = tenant.brand.id;
  const ownerId = tenant.manager.id;
  const endpointId = randomUUID();
  await db.orm.insert(webhookEndpoints).values({
    id: endpointId,
    brandId,
    url: "https://hooks.example.com/in",
    events: ["share.created"],
    secretCiphertext: "v1.x.y.z",
    createdBy: ownerId,
  });
  const seeded: Seeded = { keptDeliveries: [], keptKeys: [], doomedDeliveries: 0, doomedKeys: 0 };
  const deliveryRows = [];
  for (let i = 0; i < 36; i++) {
    const id = randomUUID();
    const status = STATUSES[i % 3] as WebhookDeliveryStatus;
    const old = i % 2 === 0;
    deliveryRows.push({
      id,
      endpointId,
      brandId,
      eventId: randomUUID(),
      eventType: "share.created" as const,
      payload: { type: "share.created", timestamp: NOW.toISOString(), data: {} } as never,
      status,
      attempts: 1,
      createdAt: old ? new Date(daysAgo(30).getTime() - 1_000) : daysAgo(29),
    });
    if (old && status !== "pending") seeded.doomedDeliveries++;
    else seeded.keptDeliveries.push(id);
  }
  await db.orm.insert(webhookDeliveries).values(deliveryRows);

  const keyRows = [];
  const dayRows = [];
  for (let s = 0; s < 2; s++) {
    const reportId = randomUUID();
    await db.orm
      .insert(reports)
      .values({ id: reportId, brandId, title: `r${s}`, status: "completed", createdBy: ownerId });
    const shareId = randomUUID();
    await db.orm.insert(shares).values({
      id: shareId,
      brandId,
      ownerId,
      resourceType: "report",
      reportId,
      tokenHash: randomBytes(16).toString("hex"),
      tokenCiphertext: "v1.x.y.z",
      snapshot: { title: `r${s}`, results: [] } as never,
      expiresAt: daysAgo(-10),
    });
    for (const day of KEY_DAYS) {
      dayRows.push({ shareId, day, views: 9, uniqueVisitors: 9 });
      for (let k = 0; k < 9; k++) {
        const visitorKey = randomBytes(16).toString("base64url");
        keyRows.push({ shareId, day, visitorKey });
        if (day < "2026-01-14") seeded.doomedKeys++;
        else seeded.keptKeys.push(`${shareId}/${day}/${visitorKey}`);
      }
    }
  }
  await db.orm.insert(shareViewVisitors).values(keyRows);
  await db.orm.insert(shareViewDays).values(dayRows);
  return seeded;
};

const sorted = (ids: string[]) => [...ids].sort();

describe.each(testDatabaseKinds())(
  "retention of the delivery log and visitor keys on %s",
  (kind: DatabaseKind) => {
    // One database per kind (a PGlite boot is 1.5 s of CPU), emptied after each
    // test: retention deletes table-wide, and each test counts what is left.
    let test: TestDatabase;
    beforeAll(async () => {
      test = await reusedTestDatabase(kind, { clock: createManualClock(NOW) });
    }, 120_000);
    afterAll(() => test?.cleanup());
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      const [tables] = await executeRows<{ names: string }>(
        test.db,
        sql`select string_agg(format('%I', tablename), ', ') as names from pg_tables where schemaname = 'public'`,
      );
      await test.db.orm.execute(sql.raw(`truncate table ${tables?.names} cascade`));
    });

    it("two instances at once delete exactly the old finished deliveries and the keys before yesterday", async () => {
      const seeded = await seed(test.db, test.services);
      let second: Database = test.db;
      if (kind === "postgres") {
        second = await createDb(test.url!);
        cleanups.push(() => second.close());
      }
      const clock = createManualClock(NOW);
      const run = (db: Database) =>
        runRetention({ store: new DrizzleRetentionStore(db, BATCH), clock }, DEFAULT_RETENTION_POLICY);
      const [a, b] = await Promise.all([run(test.db), run(second)]);

      expect(seeded).toMatchObject({ doomedDeliveries: 12, doomedKeys: 36 });
      expect({
        webhookDeliveries: a.webhookDeliveries + b.webhookDeliveries,
        visitorKeys: a.visitorKeys + b.visitorKeys,
      }).toEqual({ webhookDeliveries: seeded.doomedDeliveries, visitorKeys: seeded.doomedKeys });
      const deliveriesLeft = await test.db.orm.select({ id: webhookDeliveries.id }).from(webhookDeliveries);
      expect(sorted(deliveriesLeft.map((r) => r.id))).toEqual(sorted(seeded.keptDeliveries));
      const keysLeft = await test.db.orm.select().from(shareViewVisitors);
      expect(sorted(keysLeft.map((r) => `${r.shareId}/${r.day}/${r.visitorKey}`))).toEqual(
        sorted(seeded.keptKeys),
      );
      // The daily counts the keys fed are the analytics: every day stays.
      expect(await test.db.orm.select().from(shareViewDays)).toHaveLength(2 * KEY_DAYS.length);

      expect(await run(test.db)).toEqual({
        sessions: 0,
        shares: 0,
        auditEvents: 0,
        webhookDeliveries: 0,
        visitorKeys: 0,
        idempotencyKeys: 0,
      });
    });

    it("a longer visitor-key setting keeps more days", async () => {
      await seed(test.db, test.services);
      const store = new DrizzleRetentionStore(test.db, BATCH);
      const report = await runRetention(
        { store, clock: createManualClock(NOW) },
        { ...DEFAULT_RETENTION_POLICY, visitorKeyRetentionDays: 3, webhookDeliveryRetentionDays: 31 },
      );
      // 13 January is the third day: only 5 January's keys go; no delivery is 31 days old.
      expect(report).toMatchObject({ visitorKeys: 2 * 9, webhookDeliveries: 0 });
      const days = await test.db.orm.selectDistinct({ day: shareViewVisitors.day }).from(shareViewVisitors);
      expect(sorted(days.map((r) => r.day))).toEqual(["2026-01-13", "2026-01-14", "2026-01-15"]);
    });
  },
);
