// Prints the SQL of a custom drizzle migration for the job queue:
//   pnpm --filter @sharelinks/db exec drizzle-kit generate --custom --name=<what>
//   pnpm --filter @sharelinks/db job-queue-migration > drizzle/<that file>.sql
// It holds pg-boss's schema when no migration installs it yet, and a
// create_queue statement for each queue of JOB_QUEUES no migration creates yet.
import { pendingJobQueueStatements } from "../src/jobs/job-queue-migrations";

const statements = pendingJobQueueStatements();
if (statements.length === 0) {
  process.stderr.write("Every queue of JOB_QUEUES is created by a migration already.\n");
} else {
  process.stdout.write(`${statements.join(";\n--> statement-breakpoint\n")};\n`);
}
