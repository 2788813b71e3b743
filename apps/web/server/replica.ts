import {
  createDb,
  type Database,
  type ReplicaReads,
  type ReplicaState,
  startReplicaReads,
} from "@sharelinks/db";
import type { AppConfig } from "./env";

export interface OpenReplica {
  reads: ReplicaReads;
  /** Stops the watcher, then closes the replica's pool. */
  close(): Promise<void>;
}

/** A replica read that has not answered in this long is given up: the primary answers instead. */
const REPLICA_DEADLINE_MS = 1_000;

/**
 * DATABASE_REPLICA_URL: the public reads' standby (docs/operations.md, "Read
 * replica"). Opening it connects nothing (the pool connects on first use), so
 * a replica that is down at start delays nothing: the watcher finds it down
 * and the primary answers until it is back and caught up.
 */
export const openReplica = async (
  config: AppConfig,
  primary: Database,
  onChange?: (state: ReplicaState) => void,
): Promise<OpenReplica | null> => {
  const { database } = config;
  if (database.replicaUrl === undefined) return null;
  const replica = await createDb(database.replicaUrl, {
    pooler: database.pooler,
    maxConnections: database.poolSize,
    connectTimeoutSeconds: 1,
    statementTimeoutMs: REPLICA_DEADLINE_MS,
    deadlineMs: REPLICA_DEADLINE_MS,
    transactionDeadlineMs: REPLICA_DEADLINE_MS,
  });
  const reads = startReplicaReads(primary, replica, {
    maxLagMs: database.replicaMaxLagMs,
    intervalMs: database.replicaCheckIntervalMs,
    ...(onChange && { onChange }),
  });
  return {
    reads,
    async close() {
      reads.stop();
      await replica.close();
    },
  };
};
