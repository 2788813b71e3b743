/**
 * How fresh a read replica is, known without a query on the request path.
 *
 * Every `intervalMs` the watcher asks the primary how far its WAL is flushed
 * (`pg_current_wal_flush_lsn()`), noting the time *before* asking, then asks
 * the replica how far it has replayed (`pg_last_wal_replay_lsn()`). A replica
 * that has replayed at least the WAL the primary had flushed at time T holds
 * every transaction committed before T (a commit returns only once its WAL is
 * flushed: synchronous_commit on, PostgreSQL's default). The newest such T is
 * `freshAsOf`, and the replica is used only while `now - freshAsOf` is below
 * `maxLagMs`. So the bound is exact and needs no clock shared between hosts:
 *
 *   a change committed at time C is seen by every read from C + maxLagMs on.
 *
 * `freshAsOf` only moves when a check proves it, so a watcher that stops
 * getting answers (replica down, primary unreachable) lets the replica age out
 * on its own within `maxLagMs`. The replication delay PostgreSQL reports
 * (`now() - pg_last_xact_replay_timestamp()`) is not used: on a primary with
 * no writes it grows without bound although nothing is missing.
 */

export interface LagProbes {
  /** The primary's flushed WAL position, in bytes. */
  primaryFlushLsn(): Promise<bigint>;
  /** How far the replica has replayed, in bytes; null when it is not a standby. */
  replicaReplayLsn(): Promise<bigint | null>;
}

export type ReplicaState =
  | { usable: true; lagMs: number }
  | { usable: false; reason: "starting" | "lagging" | "down" | "not_a_standby"; lagMs: number | null };

export interface ReplicaFreshnessOptions {
  /** REPLICA_MAX_LAG_MS: the replica is used only while provably fresher than this. */
  maxLagMs: number;
  /** REPLICA_CHECK_INTERVAL_MS: how often the watcher asks both servers. */
  intervalMs: number;
  /** Monotonic milliseconds. */
  nowMs?: () => number;
  /** Called when the replica starts or stops being used (for the log). */
  onChange?: (state: ReplicaState) => void;
}

interface Sample {
  atMs: number;
  lsn: bigint;
}

export class ReplicaFreshness {
  private samples: Sample[] = [];
  private freshAsOfMs = Number.NEGATIVE_INFINITY;
  private problem: "starting" | "down" | "not_a_standby" | null = "starting";
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private wasUsable = false;
  private readonly nowMs: () => number;

  constructor(
    private readonly probes: LagProbes,
    private readonly options: ReplicaFreshnessOptions,
  ) {
    this.nowMs = options.nowMs ?? (() => performance.now());
  }

  /** The request path's question: one comparison, no I/O. */
  usable(): boolean {
    return this.problem === null && this.nowMs() - this.freshAsOfMs < this.options.maxLagMs;
  }

  state(): ReplicaState {
    const lag = this.nowMs() - this.freshAsOfMs;
    const lagMs = Number.isFinite(lag) ? Math.round(lag) : null;
    if (this.problem !== null) return { usable: false, reason: this.problem, lagMs };
    if (lagMs === null || lag >= this.options.maxLagMs) return { usable: false, reason: "lagging", lagMs };
    return { usable: true, lagMs };
  }

  /** A read on the replica failed: stop using it until a check succeeds again. */
  markDown(): void {
    this.problem = "down";
    this.report();
  }

  /** One round: sample the primary, then see how much of it the replica has replayed. */
  async check(): Promise<void> {
    const askedAt = this.nowMs();
    let primaryLsn: bigint;
    try {
      primaryLsn = await this.probes.primaryFlushLsn();
    } catch {
      // The primary did not answer: nothing is proven, the replica ages out by itself.
      return;
    }
    this.samples.push({ atMs: askedAt, lsn: primaryLsn });
    // Older samples than maxLagMs can never make the replica usable again.
    const horizon = this.nowMs() - this.options.maxLagMs;
    while (this.samples.length > 1 && (this.samples[0] as Sample).atMs < horizon) this.samples.shift();
    let replayed: bigint | null;
    try {
      replayed = await this.probes.replicaReplayLsn();
    } catch {
      this.problem = "down";
      this.report();
      return;
    }
    if (replayed === null) {
      this.problem = "not_a_standby";
      this.report();
      return;
    }
    this.problem = null;
    for (const sample of this.samples) {
      if (sample.lsn <= replayed && sample.atMs > this.freshAsOfMs) this.freshAsOfMs = sample.atMs;
    }
    this.report();
  }

  /** Checks every intervalMs until `stop()` (the timer does not keep the process alive). */
  start(): void {
    const loop = async () => {
      await this.check();
      if (!this.stopped) this.timer = setTimeout(loop, this.options.intervalMs).unref();
    };
    void loop();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private report() {
    const usable = this.usable();
    if (usable === this.wasUsable) return;
    this.wasUsable = usable;
    this.options.onChange?.(this.state());
  }
}
