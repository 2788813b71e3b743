import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "../migrate";
import { createQueueStatement, JOB_QUEUE_SCHEMA, jobQueueInstallStatements } from "./job-queue-sql";
import { JOB_QUEUES, PG_BOSS_CRON_QUEUE } from "./queues";

const migrationTexts = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => readFileSync(path.join(folder, name), "utf8"));

/** Every queue the job queue needs: the declared ones and pg-boss's cron queue. */
export const requiredQueues = (): [string, object][] => [
  [PG_BOSS_CRON_QUEUE, { policy: "standard" }],
  ...Object.entries(JOB_QUEUES),
];

/**
 * The statements a new migration must run so the committed migrations install
 * pg-boss and create every required queue: empty when they already do.
 */
export const pendingJobQueueStatements = (folder = MIGRATIONS_FOLDER): string[] => {
  const texts = migrationTexts(folder);
  const installed = texts.some((text) => text.includes(`CREATE TABLE ${JOB_QUEUE_SCHEMA}.version`));
  const created = (name: string) =>
    texts.some((text) => text.includes(`${JOB_QUEUE_SCHEMA}.create_queue('${name}'`));
  return [
    ...(installed ? [] : jobQueueInstallStatements()),
    ...requiredQueues()
      .filter(([name]) => !created(name))
      .map(([name, options]) => createQueueStatement(name, options)),
  ];
};
