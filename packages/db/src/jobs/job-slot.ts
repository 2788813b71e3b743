import type { JobQueue } from "./job-queue";

/**
 * Where the repositories find the job queue. The services are built before the
 * server starts its queue (`startJobs` binds it), and a use case that queues a
 * job without one (a CLI command, a test without workers) fails loudly rather
 * than dropping the job.
 */
export interface JobSlot {
  bind(queue: Pick<JobQueue, "sendWithin">): void;
  readonly queue: Pick<JobQueue, "sendWithin">;
  readonly bound: boolean;
}

export const createJobSlot = (): JobSlot => {
  let current: Pick<JobQueue, "sendWithin"> | null = null;
  return {
    bind(queue) {
      current = queue;
    },
    get bound() {
      return current !== null;
    },
    get queue() {
      if (!current) throw new Error("The job queue is not started in this process");
      return current;
    },
  };
};
