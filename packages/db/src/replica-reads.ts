import type { ShareRepository } from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { executeRows } from "./client";
import type { Database } from "./database";
import { type LagProbes, ReplicaFreshness, type ReplicaState } from "./replica-freshness";
import { DrizzleShareRepository } from "./repositories/share-repository";

export const REPLICA_DEFAULTS = {
  maxLagMs: 1_000,
  intervalMs: 250,
} as const;

export interface ReplicaReadsOptions {
  maxLagMs?: number;
  intervalMs?: number;
  onChange?: (state: ReplicaState) => void;
}

/**
 * The public read's replica (DATABASE_REPLICA_URL), as core's `replica` port:
 * it answers null, without any I/O, whenever the replica is not provably
 * fresher than REPLICA_MAX_LAG_MS (replica-freshness.ts), and null when a read
 * on it fails, so core asks the primary and the reader never sees the replica's
 * trouble. Core re-checks every miss on the primary too.
 */
export interface ReplicaReads {
  shares: Pick<ShareRepository, "findPublicByTokenHash">;
  state(): ReplicaState;
  /** Stops the watcher (whoever opened the replica's pool closes it). */
  stop(): void;
}

const lsnOf = (value: unknown): bigint | null =>
  value === null || value === undefined ? null : BigInt(String(value).split(".")[0] as string);

/** The two questions, as SQL any role may ask (no superuser, no pg_monitor). */
export const sqlLagProbes = (primary: Database, replica: Database): LagProbes => ({
  async primaryFlushLsn() {
    const [row] = await executeRows<{ lsn: unknown }>(
      primary,
      sql`select pg_current_wal_flush_lsn() - '0/0'::pg_lsn as lsn`,
    );
    const lsn = lsnOf(row?.lsn);
    if (lsn === null) throw new Error("the primary reported no WAL position");
    return lsn;
  },
  async replicaReplayLsn() {
    const [row] = await executeRows<{ lsn: unknown }>(
      replica,
      sql`select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() - '0/0'::pg_lsn end as lsn`,
    );
    return lsnOf(row?.lsn);
  },
});

export const startReplicaReads = (
  primary: Database,
  replica: Database,
  options: ReplicaReadsOptions = {},
  probes: LagProbes = sqlLagProbes(primary, replica),
): ReplicaReads => {
  const freshness = new ReplicaFreshness(probes, {
    maxLagMs: options.maxLagMs ?? REPLICA_DEFAULTS.maxLagMs,
    intervalMs: options.intervalMs ?? REPLICA_DEFAULTS.intervalMs,
    ...(options.onChange && { onChange: options.onChange }),
  });
  freshness.start();
  const shares = new DrizzleShareRepository(replica);
  return {
    shares: {
      findPublicByTokenHash(tokenHash) {
        if (!freshness.usable()) return Promise.resolve(null);
        return shares.findPublicByTokenHash(tokenHash).catch(() => {
          freshness.markDown();
          return null;
        });
      },
    },
    state: () => freshness.state(),
    stop: () => freshness.stop(),
  };
};
