import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Database, Orm } from "../client";
import { JOB_QUEUE_SCHEMA } from "./job-queue-sql";
import type { JobQueueName } from "./queues";
import { pgliteExecutor, transactionExecutor } from "./sql-executors";

/** What a handler learns about the job it runs. */
export interface JobInfo {
  id: string;
  queue: JobQueueName;
  /** 0 on the first attempt. */
  retryCount: number;
}

/**
 * One kind of background work. `handle` throws to fail the job: it is retried
 * per the queue's options (jobs/queues.ts), so it must be safe to run again.
 */
export interface JobDefinition<Data extends object = Record<string, never>> {
  queue: JobQueueName;
  handle(data: Data, job: JobInfo): Promise<void>;
  /**
   * A 5-field cron expression in UTC. Every instance declares it; pg-boss
   * turns each tick into one job for the whole deployment, which one worker runs.
   */
  cron?: string;
  /** Jobs of this queue one instance runs at the same time (default 1). */
  concurrency?: number;
}

export interface SendOptions {
  /** Start no earlier than this (a Date, or seconds from now). */
  startAfter?: Date | number;
  /** At most one queued job per key (with the `standard` policy: per key and `singletonSeconds`). */
  singletonKey?: string;
  singletonSeconds?: number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
}

/** How a finished job went, for logs and metrics. */
export type JobOutcome = "completed" | "failed";

export interface JobQueueLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface JobQueueOptions {
  db: Database;
  /**
   * PostgreSQL only: the URL pg-boss's own pool connects to. Behind a
   * transaction pooler this is DIRECT_DATABASE_URL when one is set (the queue
   * also runs through the pooler: no LISTEN, no session state).
   */
  postgresUrl?: string;
  /** Connections of that pool (default 3). */
  poolSize?: number;
  /** Through a transaction pooler: no connect-time parameters. */
  pooled?: boolean;
  logger: JobQueueLogger;
  /** false: this instance sends jobs and keeps schedules but runs none (default true). */
  workers?: boolean;
  /** How often an idle worker asks for work (default 2 s, at least 0.5). */
  pollingIntervalSeconds?: number;
  /**
   * How often pg-boss's maintenance may run (once per interval for the whole
   * deployment): it fails active jobs past their `expireInSeconds`, whose
   * retry then follows, and archives old ones (default 120 s, at least 1).
   */
  maintenanceIntervalSeconds?: number;
  /** Called after every job this instance ran. */
  onJobFinished?(queue: JobQueueName, outcome: JobOutcome, durationMs: number): void;
}

export interface JobQueue {
  /** Adds a kind of job; before `start()`. */
  define<Data extends object>(job: JobDefinition<Data>): void;
  /** Checks the schema is installed (the migrate step's work), keeps the schedules and starts the workers. */
  start(): Promise<void>;
  /** Queues a job; null when the queue's policy or singleton key refused a duplicate. */
  send<Data extends object>(queue: JobQueueName, data: Data, options?: SendOptions): Promise<string | null>;
  /**
   * Queues a job inside one of the app's transactions: it exists only if the
   * transaction commits (write an event and its delivery job together).
   */
  sendWithin<Data extends object>(
    tx: Orm,
    queue: JobQueueName,
    data: Data,
    options?: SendOptions,
  ): Promise<string | null>;
  /** Stops polling, waits up to `timeoutMs` for running jobs, then lets go of the database. */
  stop(timeoutMs?: number): Promise<void>;
  /** pg-boss itself, for what this interface does not cover (tests, operations). */
  readonly boss: PgBoss;
}

/** A failing database would have pg-boss report every poll: one line per this long. */
const ERROR_LOG_EVERY_MS = 30_000;

export class JobQueueSchemaError extends Error {
  override readonly name = "JobQueueSchemaError";
}

const bossOptions = (options: JobQueueOptions): PgBoss.ConstructorOptions => {
  const common: PgBoss.ConstructorOptions = {
    schema: JOB_QUEUE_SCHEMA,
    // The migrate step installs the schema and the queues (DDL); the server only checks them.
    migrate: false,
    supervise: true,
    schedule: true,
    ...(options.maintenanceIntervalSeconds !== undefined && {
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
    }),
  };
  if (options.db.kind === "pglite") {
    const client = (options.db.orm as unknown as { $client: PGlite }).$client;
    return { ...common, db: pgliteExecutor(client) };
  }
  if (!options.postgresUrl) throw new Error("createJobQueue: postgresUrl is required on PostgreSQL");
  return {
    ...common,
    connectionString: options.postgresUrl,
    max: options.poolSize ?? 3,
    ...(!options.pooled && { application_name: "sharelinks-jobs" }),
  };
};

const startAfterOf = (value: Date | number | undefined) =>
  value instanceof Date ? value : value === undefined ? undefined : Math.max(0, Math.round(value));

const sendOptionsOf = (options: SendOptions = {}): PgBoss.SendOptions => {
  const { startAfter, ...rest } = options;
  const after = startAfterOf(startAfter);
  return after === undefined ? rest : { ...rest, startAfter: after };
};

/**
 * The service's job queue: pg-boss on the app's database (PostgreSQL, or the
 * embedded PGlite through an adapter). Features declare a queue in
 * jobs/queues.ts, `define` a handler (and a cron) before `start`, and `send`
 * work from anywhere; see docs/architecture.md, "Jobs".
 */
export const createJobQueue = (options: JobQueueOptions): JobQueue => {
  const { logger } = options;
  const boss = new PgBoss(bossOptions(options));
  const definitions = new Map<JobQueueName, JobDefinition<object>>();
  let lastErrorLogged = Number.NEGATIVE_INFINITY;
  boss.on("error", (error) => {
    if (performance.now() - lastErrorLogged < ERROR_LOG_EVERY_MS) return;
    lastErrorLogged = performance.now();
    logger.warn({ err: error }, "job queue: database call failed (retrying)");
  });

  const runOne = async (definition: JobDefinition<object>, job: PgBoss.JobWithMetadata<object>) => {
    const started = performance.now();
    const fields = { queue: definition.queue, job_id: job.id, attempt: job.retryCount + 1 };
    try {
      await definition.handle(job.data ?? {}, {
        id: job.id,
        queue: definition.queue,
        retryCount: job.retryCount,
      });
    } catch (error) {
      const durationMs = performance.now() - started;
      logger.error({ ...fields, err: error, duration_ms: Math.round(durationMs) }, "job failed");
      options.onJobFinished?.(definition.queue, "failed", durationMs);
      throw error;
    }
    const durationMs = performance.now() - started;
    logger.info({ ...fields, duration_ms: Math.round(durationMs) }, "job completed");
    options.onJobFinished?.(definition.queue, "completed", durationMs);
  };

  return {
    boss,
    define(definition) {
      if (definitions.has(definition.queue)) throw new Error(`job ${definition.queue} is defined twice`);
      definitions.set(definition.queue, definition as JobDefinition<object>);
    },
    async start() {
      try {
        await boss.start();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/not installed|requires migrations/.test(message)) {
          throw new JobQueueSchemaError(
            `The job queue's tables (schema ${JOB_QUEUE_SCHEMA}) are missing or older than this build: run the migrate step.`,
          );
        }
        throw error;
      }
      for (const definition of definitions.values()) {
        if (!(await boss.getQueue(definition.queue))) {
          throw new JobQueueSchemaError(
            `The job queue ${definition.queue} does not exist: run the migrate step (a migration creates it).`,
          );
        }
        if (definition.cron) await boss.schedule(definition.queue, definition.cron, {}, { tz: "UTC" });
        if (options.workers === false) continue;
        const workOptions = {
          batchSize: 1,
          includeMetadata: true as const,
          pollingIntervalSeconds: Math.max(0.5, options.pollingIntervalSeconds ?? 2),
        };
        for (let i = 0; i < (definition.concurrency ?? 1); i++) {
          await boss.work<object>(definition.queue, workOptions, async (jobs) => {
            for (const job of jobs) await runOne(definition, job);
          });
        }
      }
    },
    send(queue, data, sendOptions) {
      return boss.send(queue, data, sendOptionsOf(sendOptions));
    },
    sendWithin(tx, queue, data, sendOptions) {
      return boss.send(queue, data, { ...sendOptionsOf(sendOptions), db: transactionExecutor(tx) });
    },
    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
};
