import { readFileSync } from "node:fs";
import type postgres from "postgres";

/**
 * CPU time actually spent by a process (user + system, all its threads), from
 * /proc/<pid>/stat. On a machine shared with other work, throughput swings with
 * whatever else runs; the CPU a server burns per request does not, so it is the
 * steadier measure of what a request costs.
 */

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on Linux (getconf CLK_TCK)

export const cpuMs = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "pid (comm) ": state is [0], utime [11], stime [12].
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
};

/** The PostgreSQL backends serving one server: its pool's connections, told apart by application_name. */
export interface DbBackends {
  monitor: postgres.Sql;
  database: string;
  applicationName: string;
}

const backendPids = async (db: DbBackends): Promise<number[]> => {
  const rows = await db.monitor<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = ${db.database} and application_name = ${db.applicationName}`;
  return rows.map((r) => r.pid);
};

export interface CpuSnapshot {
  server: number;
  db: Map<number, number>;
}

export const snapshotCpu = async (serverPid: number, db: DbBackends | undefined): Promise<CpuSnapshot> => {
  const dbTimes = new Map<number, number>();
  if (db) {
    for (const pid of await backendPids(db)) {
      const ms = cpuMs(pid);
      if (ms !== null) dbTimes.set(pid, ms);
    }
  }
  return { server: cpuMs(serverPid) ?? 0, db: dbTimes };
};

/** CPU ms spent between two snapshots: the server process, and its database backends (new ones from zero). */
export const cpuSpent = async (
  before: CpuSnapshot,
  serverPid: number,
  db: DbBackends | undefined,
): Promise<{ serverMs: number; dbMs: number }> => {
  const after = await snapshotCpu(serverPid, db);
  let dbMs = 0;
  for (const [pid, ms] of after.db) dbMs += ms - (before.db.get(pid) ?? 0);
  return { serverMs: after.server - before.server, dbMs };
};
