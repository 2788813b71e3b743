import { randomBytes, randomUUID } from "node:crypto";
import { DEFAULT_RETENTION_POLICY, type RetentionReport, runRetention } from "@sharelinks/core";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, type Database, type DatabaseKind } from "../client";
import { idempotencyKeys, reports, sessions, shareEvents, shares } from "../schema";
import { createManualClock, createTenant, createTestDatabase, testDatabaseKinds } from "../testing";
import { DrizzleRetentionStore } from "./retention-store";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-01-15T12:00:00.000Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
/** Small batches, so two instances interleave many of them. */
const BATCH = 7;
const PER_KIND = 40;

interface Seeded {
  keptSessions: string[];
  keptShares: string[];
  keptEvents: string[];
  keptKeys: string[];
  doomed: RetentionReport;
}

/**
 * On either side of every cutoff: sessions expired a second ago / expiring
 * now (kept: active up to its expiry instant); shares expired 90 days and a
 * second ago / 89 days ago / active; audit events 400 days and a second ago /
 * 399 days ago, including the events of the shares that go; idempotency keys
 * made 24 h and a second ago / 24 h less a second ago.
 */
const seed = async (db: Database, services: Parameters<typeof createTenant>[0]): Promise<Seeded> => {
  const tenant = await createTenant(services, { members: 0 });
  const brandId = tenant.brand.id;
  const ownerId = tenant.manager.id;
  const second = 1_000;
  const kept: Seeded = {
    keptSessions: [],
    keptShares: [],
    keptEvents: [],
    keptKeys: [],
    doomed: {} as RetentionReport,
  };
  const keyRows = [];
  const sessionRows = [];
  const reportRows = [];
  const shareRows = [];
  const eventRows = [];
  for (let i = 0; i < PER_KIND; i++) {
    const doomed = i % 2 === 0;
    const sessionId = randomUUID();
    sessionRows.push({
      id: sessionId,
      userId: ownerId,
      tokenHash: randomBytes(16).toString("hex"),
      expiresAt: doomed ? new Date(NOW.getTime() - second) : i % 4 === 1 ? NOW : daysAgo(-3),
    });
    if (!doomed) kept.keptSessions.push(sessionId);

    const reportId = randomUUID();
    reportRows.push({
      id: reportId,
      brandId,
      title: `r${i}`,
      status: "completed" as const,
      createdBy: ownerId,
    });
    const shareId = randomUUID();
    const shareDoomed = i % 3 === 0;
    shareRows.push({
      id: shareId,
      brandId,
      ownerId,
      resourceType: "report" as const,
      reportId,
      tokenHash: randomBytes(16).toString("hex"),
      tokenCiphertext: "v1.x.y.z",
      snapshot: { title: `r${i}`, results: [] } as never,
      expiresAt: shareDoomed
        ? new Date(daysAgo(90).getTime() - second)
        : i % 3 === 1
          ? daysAgo(89)
          : daysAgo(-10),
    });
    if (!shareDoomed) kept.keptShares.push(shareId);

    // Every share's creation event: old enough to go for a third of them.
    const eventId = randomUUID();
    const eventDoomed = i % 3 === 2;
    eventRows.push({
      id: eventId,
      shareId,
      brandId,
      actorId: ownerId,
      type: "created" as const,
      at: eventDoomed ? new Date(daysAgo(400).getTime() - second) : daysAgo(399),
    });
    if (!eventDoomed) kept.keptEvents.push(eventId);

    const keyId = randomUUID();
    const keyDoomed = i % 4 === 3;
    keyRows.push({
      id: keyId,
      scope: randomUUID(),
      keyHash: randomBytes(32).toString("hex"),
      fingerprint: randomBytes(32).toString("hex"),
      claimId: randomUUID(),
      state: "done" as const,
      responseStatus: 201,
      response: "v1.x.y.z",
      createdAt: new Date(daysAgo(1).getTime() + (keyDoomed ? -second : second)),
    });
    if (!keyDoomed) kept.keptKeys.push(keyId);
  }
  await db.orm.insert(sessions).values(sessionRows);
  await db.orm.insert(reports).values(reportRows);
  await db.orm.insert(shares).values(shareRows);
  await db.orm.insert(shareEvents).values(eventRows);
  await db.orm.insert(idempotencyKeys).values(keyRows);
  kept.doomed = {
    sessions: PER_KIND - kept.keptSessions.length,
    shares: PER_KIND - kept.keptShares.length,
    auditEvents: PER_KIND - kept.keptEvents.length,
    // retention-store.logs.test.ts covers these two.
    webhookDeliveries: 0,
    visitorKeys: 0,
    idempotencyKeys: PER_KIND - kept.keptKeys.length,
  };
  return kept;
};

const sorted = (ids: string[]) => [...ids].sort();

describe.each(testDatabaseKinds())("retention on %s", (kind: DatabaseKind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("two instances running it at once delete exactly what is past keeping, each row once", async () => {
    const test = await createTestDatabase(kind, { clock: createManualClock(NOW) });
    cleanups.push(test.cleanup);
    const seeded = await seed(test.db, test.services);
    // A second instance: on PostgreSQL its own pool on the same database; PGlite is one process's.
    let second: Database = test.db;
    if (kind === "postgres") {
      second = await createDb(test.url!);
      cleanups.push(() => second.close());
    }
    const clock = createManualClock(NOW);
    const run = (db: Database) =>
      runRetention({ store: new DrizzleRetentionStore(db, BATCH), clock }, DEFAULT_RETENTION_POLICY);
    const [a, b] = await Promise.all([run(test.db), run(second)]);

    expect({
      sessions: a.sessions + b.sessions,
      shares: a.shares + b.shares,
      auditEvents: a.auditEvents + b.auditEvents,
      webhookDeliveries: a.webhookDeliveries + b.webhookDeliveries,
      visitorKeys: a.visitorKeys + b.visitorKeys,
      idempotencyKeys: a.idempotencyKeys + b.idempotencyKeys,
    }).toEqual(seeded.doomed);
    const left = async () => ({
      sessions: sorted((await test.db.orm.select({ id: sessions.id }).from(sessions)).map((r) => r.id)),
      shares: sorted((await test.db.orm.select({ id: shares.id }).from(shares)).map((r) => r.id)),
      events: sorted((await test.db.orm.select({ id: shareEvents.id }).from(shareEvents)).map((r) => r.id)),
      keys: sorted(
        (await test.db.orm.select({ id: idempotencyKeys.id }).from(idempotencyKeys)).map((r) => r.id),
      ),
    });
    expect(await left()).toEqual({
      sessions: sorted(seeded.keptSessions),
      shares: sorted(seeded.keptShares),
      events: sorted(seeded.keptEvents),
      keys: sorted(seeded.keptKeys),
    });

    // Nothing is left to do: a second run deletes nothing.
    expect(await run(test.db)).toEqual({
      sessions: 0,
      shares: 0,
      auditEvents: 0,
      webhookDeliveries: 0,
      visitorKeys: 0,
      idempotencyKeys: 0,
    });
  });
});
