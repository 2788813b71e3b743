import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Database, type DatabaseKind, executeRows } from "../client";
import { createServerDatabase, createTestDatabase, type TestDatabase, testDatabaseKinds } from "../testing";
import { createJobQueue, type JobQueue, type JobQueueLogger, JobQueueSchemaError } from "./job-queue";
import type { JobQueueName } from "./queues";

const QUEUE: JobQueueName = "maintenance.retention";

const quietLogger = (): JobQueueLogger & { lines: string[] } => {
  const lines: string[] = [];
  const write = (_fields: object, message: string) => void lines.push(message);
  return { lines, info: write, warn: write, error: write };
};

interface Instance {
  db: Database;
  queue: (workers?: boolean) => JobQueue;
}

/**
 * `count` instances of the app on one migrated database: on PostgreSQL each
 * with its own pool (and pg-boss its own), on PGlite sharing the one client
 * (PGlite is one process's database). On PGlite that database is the suite's
 * (`pglite`), emptied of pg-boss's rows at close: a PGlite boot costs 1.5 s
 * of CPU, five times over before.
 */
const openInstances = async (kind: DatabaseKind, count: number, pglite: () => Promise<TestDatabase>) => {
  const queues: JobQueue[] = [];
  const make = (db: Database, url?: string) => (workers?: boolean) => {
    const queue = createJobQueue({
      db,
      ...(url && { postgresUrl: url }),
      logger: quietLogger(),
      pollingIntervalSeconds: 0.5,
      ...(workers !== undefined && { workers }),
    });
    queues.push(queue);
    return queue;
  };
  if (kind === "pglite") {
    const test = await pglite();
    const instances: Instance[] = Array.from({ length: count }, () => ({
      db: test.db,
      queue: make(test.db),
    }));
    return {
      instances,
      async close() {
        await Promise.all(queues.map((q) => q.stop(1_000)));
        // The next test starts from what the migrations left: no jobs, no schedules.
        for (const table of ["job", "archive", "schedule"])
          await test.db.orm.execute(sql.raw(`delete from pgboss.${table}`));
      },
    };
  }
  const server = await createServerDatabase({ migrated: true });
  const dbs = await Promise.all(Array.from({ length: count }, () => createDb(server.url)));
  return {
    instances: dbs.map((db) => ({ db, queue: make(db, server.url) })),
    async close() {
      await Promise.all(queues.map((q) => q.stop(1_000)));
      await Promise.all(dbs.map((db) => db.close()));
      await server.drop();
    },
  };
};

const until = async (condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const jobStates = async (db: Database) =>
  executeRows<{ state: string; n: number }>(
    db,
    sql`select state::text as state, count(*)::int as n from pgboss.job where name = ${QUEUE} group by state`,
  );

describe.each(testDatabaseKinds())("job queue on %s", (kind) => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });
  let pglite: Promise<TestDatabase> | null = null;
  const suiteDatabase = () => {
    pglite ??= createTestDatabase("pglite");
    return pglite;
  };
  // Booted before the tests, under the hook's timeout: a process's first PGlite
  // boot compiles its WebAssembly, 12 s of one test's 30 on a busy machine.
  beforeAll(async () => {
    if (kind === "pglite") await suiteDatabase();
  });
  afterAll(async () => {
    await (await pglite)?.cleanup();
  });

  it("runs a sent job once, with its data", async () => {
    const opened = await openInstances(kind, 1, suiteDatabase);
    close = opened.close;
    const queue = opened.instances[0]!.queue();
    const seen: unknown[] = [];
    queue.define<{ n: number }>({ queue: QUEUE, handle: async (data) => void seen.push(data) });
    await queue.start();
    const id = await queue.send(QUEUE, { n: 7 });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => seen.length > 0);
    await until(async () => (await jobStates(opened.instances[0]!.db)).some((s) => s.state === "completed"));
    expect(seen).toEqual([{ n: 7 }]);
  });

  it("a job sent inside a transaction exists only if the transaction commits", async () => {
    const opened = await openInstances(kind, 1, suiteDatabase);
    close = opened.close;
    const { db } = opened.instances[0]!;
    const queue = opened.instances[0]!.queue(false);
    await queue.start();
    await expect(
      db.orm.transaction(async (tx) => {
        await queue.sendWithin(tx, QUEUE, { kept: false });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await jobStates(db)).toEqual([]);
    await db.orm.transaction(async (tx) => {
      await queue.sendWithin(tx, QUEUE, { kept: true });
    });
    const [job] = await executeRows<{ data: unknown }>(
      db,
      sql`select data from pgboss.job where name = ${QUEUE}`,
    );
    expect(job?.data).toEqual({ kept: true });
  });

  it("retries a failed job, then completes it", async () => {
    const opened = await openInstances(kind, 1, suiteDatabase);
    close = opened.close;
    const queue = opened.instances[0]!.queue();
    const attempts: number[] = [];
    queue.define({
      queue: QUEUE,
      async handle(_data, job) {
        attempts.push(job.retryCount);
        if (job.retryCount === 0) throw new Error("first attempt fails");
      },
    });
    await queue.start();
    await queue.send(QUEUE, {}, { retryLimit: 1, retryDelay: 0 });
    await until(() => attempts.length === 2);
    await until(async () => (await jobStates(opened.instances[0]!.db)).some((s) => s.state === "completed"));
    expect(attempts).toEqual([0, 1]);
  });

  it("two instances sending the same maintenance job at once: one is queued, one instance runs it", async () => {
    const opened = await openInstances(kind, 2, suiteDatabase);
    close = opened.close;
    // Both send before any worker polls: were the first job taken (active)
    // before the second send, the queue would rightly accept the second.
    const senders = opened.instances.map((instance) => instance.queue(false));
    await Promise.all(senders.map((queue) => queue.start()));
    const ids = await Promise.all(senders.map((queue) => queue.send(QUEUE, {})));
    // The queue is `stately`: a second job cannot wait beside a queued one.
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
    const runs: string[] = [];
    const workers = opened.instances.map((instance, i) => {
      const queue = instance.queue();
      queue.define({
        queue: QUEUE,
        async handle() {
          runs.push(`instance ${i}`);
          // Long enough for the other instance to poll meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 1_500));
        },
      });
      return queue;
    });
    await Promise.all(workers.map((queue) => queue.start()));
    await until(async () => (await jobStates(opened.instances[0]!.db)).some((s) => s.state === "completed"));
    expect(runs).toHaveLength(1);
  });

  it("keeps one schedule per cron job however many instances declare it", async () => {
    const opened = await openInstances(kind, 2, suiteDatabase);
    close = opened.close;
    for (const instance of opened.instances) {
      const queue = instance.queue(false);
      queue.define({ queue: QUEUE, cron: "7 * * * *", handle: async () => {} });
      await queue.start();
    }
    const schedules = await executeRows<{ name: string; cron: string; timezone: string }>(
      opened.instances[0]!.db,
      sql`select name, cron, timezone from pgboss.schedule`,
    );
    expect(schedules).toEqual([{ name: QUEUE, cron: "7 * * * *", timezone: "UTC" }]);
  });
});

describe("job queue start-up checks", () => {
  // Each test gets a database of its own (the first drops pg-boss's schema),
  // booted here under the hook's timeout: 5-14 s of a test's 30 at load ~20.
  let unprepared: TestDatabase;
  let prepared: TestDatabase;
  beforeAll(async () => {
    unprepared = await createTestDatabase("pglite");
    prepared = await createTestDatabase("pglite");
  }, 120_000);
  afterAll(async () => {
    await unprepared?.cleanup();
    await prepared?.cleanup();
  });

  it("refuses to start on a database the migrate step has not prepared", async () => {
    // As on a database migrated by a build older than the job queue.
    await unprepared.db.orm.execute(sql`drop schema pgboss cascade`);
    const queue = createJobQueue({ db: unprepared.db, logger: quietLogger() });
    const failure = await queue.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JobQueueSchemaError);
    expect((failure as Error).message).toMatch(/schema pgboss\) are missing .*run the migrate step/);
  });

  it("refuses to start when a defined job's queue was never created", async () => {
    const queue = createJobQueue({ db: prepared.db, logger: quietLogger() });
    try {
      queue.define({ queue: "no.such.queue" as JobQueueName, handle: async () => {} });
      await expect(queue.start()).rejects.toThrow(/no\.such\.queue does not exist: run the migrate step/);
    } finally {
      await queue.stop(1_000);
    }
  });
});
