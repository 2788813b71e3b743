import { execFileSync } from "node:child_process";
import os from "node:os";
import postgres from "postgres";
import { REPO_DIR } from "./config";

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  /** 1-minute load average when the bench started: the machine is shared, this says how busy it was. */
  loadAverageAtStart: number;
}

export interface GitInfo {
  commit: string;
  dirty: boolean;
}

export const machineInfo = async (databaseUrl: string): Promise<MachineInfo> => {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let version = "unknown";
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    version = row?.server_version ?? version;
  } finally {
    await sql.end({ timeout: 5 });
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: `PostgreSQL ${version}`,
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
};

export const gitInfo = (): GitInfo => {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: REPO_DIR, encoding: "utf8" }).trim();
    const status = execFileSync("git", ["status", "--porcelain"], { cwd: REPO_DIR, encoding: "utf8" }).trim();
    return { commit, dirty: status.length > 0 };
  } catch {
    return { commit: "unknown", dirty: false };
  }
};

/** The 1-minute load average now (the machine is shared: how busy it was while measuring). */
export const loadAverage = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
