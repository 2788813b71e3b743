import { randomBytes, randomUUID } from "node:crypto";
import { type JobQueue, schema } from "@sharelinks/db";
import {
  createTenant,
  reusedTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "@sharelinks/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import type { AppConfig } from "./env";
import { startJobs } from "./jobs";

const quiet = { info() {}, warn() {}, error() {} };

describe.each(testDatabaseKinds())("server jobs on %s", (kind) => {
  let queue: JobQueue | null = null;
  let test: TestDatabase | null = null;
  afterEach(async () => {
    await queue?.stop(1_000);
    await test?.cleanup();
    queue = null;
    test = null;
  });

  it("run the retention job the queue hands out, with the configured policy", async () => {
    test = await reusedTestDatabase(kind);
    const tenant = await createTenant(test.services, { members: 0 });
    const expired = randomUUID();
    const live = randomUUID();
    const hour = 60 * 60 * 1000;
    await test.db.orm.insert(schema.sessions).values([
      {
        id: expired,
        userId: tenant.manager.id,
        tokenHash: randomBytes(16).toString("hex"),
        expiresAt: new Date(Date.now() - hour),
      },
      {
        id: live,
        userId: tenant.manager.id,
        tokenHash: randomBytes(16).toString("hex"),
        expiresAt: new Date(Date.now() + hour),
      },
    ]);
    const finished: string[] = [];
    const config = {
      databaseUrl: test.url ?? undefined,
      expiredShareRetentionDays: 90,
      auditRetentionDays: 400,
      webhookDeliveryRetentionDays: 30,
      visitorKeyRetentionDays: 2,
    } as AppConfig;
    queue = await startJobs({
      config,
      db: test.db,
      services: test.services,
      logger: quiet,
      pollingIntervalSeconds: 0.5,
      onJobFinished: (name, outcome) => finished.push(`${name}:${outcome}`),
    });
    await queue.send("maintenance.retention", {});
    const deadline = Date.now() + 20_000;
    while (finished.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    expect(finished).toEqual(["maintenance.retention:completed"]);
    const left = await test.db.orm.select({ id: schema.sessions.id }).from(schema.sessions);
    expect(left.map((row) => row.id).sort()).toEqual([live].sort());
  });
});
