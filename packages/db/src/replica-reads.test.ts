import { createShare, hashToken, readPublicShare } from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LagProbes } from "./replica-freshness";
import { sqlLagProbes, startReplicaReads } from "./replica-reads";
import { createServices } from "./services";
import { createTenant, createTestDatabase, type TestDatabase, testDatabaseKinds } from "./testing";

/** A new link on this database; its token. */
const newLink = async (db: TestDatabase) => {
  const tenant = await createTenant(db.services);
  const { accessToken } = await createShare(
    db.services.shares,
    tenant.actor(tenant.members[0] as NonNullable<(typeof tenant.members)[0]>),
    { type: "report", id: tenant.report.id },
    {},
  );
  return accessToken as string;
};

/**
 * The replica's adapter on a real database. No standby runs inside a unit test
 * (pnpm test:scale runs a real one): the "replica" here is a second database
 * with the same schema, so what it answers is visibly its own, and the lag
 * probes are the test's.
 */
const caughtUp: LagProbes = { primaryFlushLsn: async () => 1n, replicaReplayLsn: async () => 1n };
const notReplaying: LagProbes = { primaryFlushLsn: async () => 2n, replicaReplayLsn: async () => 1n };

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
};

describe.each(testDatabaseKinds())("replica reads on %s", (kind) => {
  // One primary and one replica for the suite (each test makes its own links,
  // so they see nothing of each other's): a PGlite boot is 1.5 s of CPU, and
  // these were seven per kind. Booted here, under the hook's timeout.
  let primary: TestDatabase;
  let replica: TestDatabase;
  beforeAll(async () => {
    primary = await createTestDatabase(kind);
    replica = await createTestDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await primary?.cleanup();
    await replica?.cleanup();
  });

  it("a fresh replica answers the public read; a link only the primary has is still found", async () => {
    // A generous bound: PGlite's work blocks the event loop, and with it the watcher.
    const reads = startReplicaReads(primary.db, replica.db, { intervalMs: 10, maxLagMs: 60_000 }, caughtUp);
    await until(() => reads.state().usable);
    const services = createServices(primary.db, { tokenSecret: "x".repeat(32), replica: reads.shares });
    const fromReplica = await newLink(replica);
    const fromPrimary = await newLink(primary);
    await expect(readPublicShare(services.publicRead, fromReplica)).resolves.toBeDefined();
    await expect(readPublicShare(services.publicRead, fromPrimary)).resolves.toBeDefined();
    reads.stop();
  });

  it("a replica behind its bound is not asked: the primary answers alone", async () => {
    const reads = startReplicaReads(primary.db, replica.db, { intervalMs: 10, maxLagMs: 50 }, notReplaying);
    await until(() => (reads.state() as { reason?: string }).reason === "lagging");
    expect(reads.state()).toMatchObject({ usable: false, reason: "lagging" });
    const token = await newLink(replica);
    expect(await reads.shares.findPublicByTokenHash(hashToken(token))).toBeNull();
    reads.stop();
  });

  it("a replica whose read fails answers null (no error) and is switched off", async () => {
    // A replica of its own: this one goes away.
    const replica = await createTestDatabase(kind);
    const token = await newLink(replica);
    const reads = startReplicaReads(
      primary.db,
      replica.db,
      { intervalMs: 60_000, maxLagMs: 600_000 },
      caughtUp,
    );
    await until(() => reads.state().usable);
    expect(await reads.shares.findPublicByTokenHash(hashToken(token))).not.toBeNull();
    await replica.cleanup(); // the replica goes away
    expect(await reads.shares.findPublicByTokenHash(hashToken(token))).toBeNull();
    expect(reads.state()).toMatchObject({ usable: false, reason: "down" });
    reads.stop();
  });

  it("the SQL probes: the primary reports its WAL position; a server that is not a standby reports none", async () => {
    const probes = sqlLagProbes(primary.db, primary.db);
    expect(await probes.primaryFlushLsn()).toBeGreaterThan(0n);
    expect(await probes.replicaReplayLsn()).toBeNull();
  });
});
