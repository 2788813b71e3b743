import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { BENCH_DIR, RESULTS_DIR, SHIPPED_POOL_SIZE, WEB_DIR } from "./config";

export interface ServerProcess {
  name: string;
  baseUrl: string;
  pid: number;
  child: ChildProcess;
  stderrPath: string;
  /** Milliseconds from spawn to the first ready answer. */
  startupMs: number;
  /** SIGTERM, then SIGKILL after 15 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Plain GET with no keep-alive, for readiness checks. */
export const getStatus = (url: string, timeoutMs = 2_000): Promise<number> =>
  new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });

const tail = (file: string, lines = 30) => {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
};

/** A minimal environment: nothing of the caller's (REDIS_URL, LOG_LEVEL, NODE_OPTIONS...) leaks into a server. */
const baseEnv = (): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "LANG", "TMPDIR", "TZ"]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
};

const launch = async (options: {
  name: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  port: number;
  readyPath: string;
  timeoutMs: number;
}): Promise<ServerProcess> => {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  if ((await getStatus(`${baseUrl}${options.readyPath}`, 500)) !== 0) {
    throw new Error(`${options.name}: port ${options.port} is already in use`);
  }
  mkdirSync(path.join(RESULTS_DIR, "logs"), { recursive: true });
  const stderrPath = path.join(RESULTS_DIR, "logs", `${options.name}.stderr.log`);
  // stdout (one JSON log line per request on the shipped server) goes to /dev/null:
  // the process still pays for formatting and writing every line, nobody pays for storing it.
  const out = openSync("/dev/null", "w");
  const err = openSync(stderrPath, "w");
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", out, err],
  });
  closeSync(out);
  closeSync(err);
  let exitReason: string | null = null;
  const exited = once(child, "exit").then(([code, signal]) => {
    exitReason = `code ${code}, signal ${signal}`;
    return code as number | null;
  });

  const deadline = performance.now() + options.timeoutMs;
  while (true) {
    if (exitReason)
      throw new Error(`${options.name} exited during start (${exitReason}):\n${tail(stderrPath)}`);
    if ((await getStatus(`${baseUrl}${options.readyPath}`, 1_000)) === 200) break;
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${options.name} not ready after ${options.timeoutMs / 1000} s:\n${tail(stderrPath)}`);
    }
    await sleep(200);
  }

  return {
    name: options.name,
    baseUrl,
    pid: child.pid as number,
    child,
    stderrPath,
    startupMs: performance.now() - spawnedAt,
    async stop() {
      if (exitReason) return exited;
      child.kill("SIGTERM");
      // A server under --cpu-prof writes its profile on the way out: that can take a while.
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
};

export interface ShippedOptions {
  databaseUrl: string;
  port: number;
  shareTokenSecret: string;
  adminToken: string;
  /** Unset: the server's default (info), as production runs it. */
  logLevel?: string;
  /** Write a V8 CPU profile into this directory when the server exits. */
  cpuProfileDir?: string;
  label?: string;
}

/**
 * The shipped server exactly as `pnpm --filter @sharelinks/web start` runs it
 * (`NODE_ENV=production node dist/server.mjs` in apps/web, after its
 * build: `next build` plus the bundled server entry), pointed at a bench database. Only the rate limits are raised
 * so 50 connections from one IP are not answered 429: the limiter still counts
 * every request.
 */
/**
 * The working tree is shared: a `next build` running elsewhere removes `.next`
 * for a while. Wait for a complete build rather than fail the run.
 */
const waitForBuild = async (timeoutMs = 300_000) => {
  const buildId = path.join(WEB_DIR, ".next", "BUILD_ID");
  const deadline = performance.now() + timeoutMs;
  let told = false;
  while (!existsSync(buildId)) {
    if (performance.now() > deadline)
      throw new Error(`no production build (${buildId}) after ${timeoutMs / 1000} s`);
    if (!told) process.stderr.write("   waiting for apps/web/.next (a next build is running elsewhere)\n");
    told = true;
    await sleep(2_000);
  }
  if (told) await sleep(5_000); // let the build finish writing its other files
};

export const startShipped = async (options: ShippedOptions): Promise<ServerProcess> => {
  await waitForBuild();
  try {
    return await startShippedOnce(options);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("production build")) throw error;
    await sleep(5_000);
    await waitForBuild();
    return startShippedOnce(options);
  }
};

const startShippedOnce = (options: ShippedOptions): Promise<ServerProcess> => {
  const env = {
    ...baseEnv(),
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    PUBLIC_BASE_URL: `http://127.0.0.1:${options.port}`,
    SHARE_TOKEN_SECRET: options.shareTokenSecret,
    ADMIN_TOKEN: options.adminToken,
    RATE_LIMIT_PER_MINUTE: "100000000",
    PUBLIC_RATE_LIMIT_PER_MINUTE: "100000000",
    ...(options.logLevel !== undefined && { LOG_LEVEL: options.logLevel }),
  };
  const profiling = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });
  return launch({
    name: options.label ?? "shipped",
    args: [...profiling, "dist/server.mjs"],
    cwd: WEB_DIR,
    env,
    port: options.port,
    readyPath: "/readyz",
    timeoutMs: 120_000,
  });
};

/** A bare yardstick server under bench/yardstick, on the shipped server's pool size. */
const startYardstickScript = (
  script: string,
  options: { databaseUrl: string; port: number; name: string; cpuProfileDir?: string },
  env: Record<string, string>,
) => {
  if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });
  const profiling = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  return launch({
    name: options.name,
    args: [...profiling, "--import", "tsx", path.join(BENCH_DIR, "yardstick", script)],
    cwd: BENCH_DIR,
    env: {
      ...baseEnv(),
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      POOL_SIZE: String(SHIPPED_POOL_SIZE),
      ...env,
    },
    port: options.port,
    readyPath: "/healthz",
    timeoutMs: 30_000,
  });
};

export const startYardstick = (options: {
  databaseUrl: string;
  port: number;
  label?: string;
  cpuProfileDir?: string;
  /** Schema searched first: the read yardstick's own copy of the rows (lib/yardstick-copy.ts). */
  schema?: string;
}) =>
  startYardstickScript(
    "server.ts",
    { ...options, name: options.label ?? "yardstick" },
    options.schema !== undefined ? { SEARCH_PATH: `${options.schema}, public` } : {},
  );

/** The write yardstick (bench/yardstick/write-server.ts): bare create, refresh and extend. */
export const startWriteYardstick = (options: {
  databaseUrl: string;
  port: number;
  shareTokenSecret: string;
  label?: string;
  cpuProfileDir?: string;
}) =>
  startYardstickScript(
    "write-server.ts",
    { ...options, name: options.label ?? "write-yardstick" },
    { SHARE_TOKEN_SECRET: options.shareTokenSecret, PUBLIC_BASE_URL: `http://127.0.0.1:${options.port}` },
  );

/** Samples a process's resident set (VmRSS) while a load runs. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private samples: number[] = [];

  constructor(private readonly pid: number) {}

  private read(): number | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, "utf8");
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  start(intervalMs = 250): void {
    this.samples = [];
    const sample = () => {
      const mb = this.read();
      if (mb !== null) this.samples.push(mb);
    };
    sample();
    this.timer = setInterval(sample, intervalMs);
  }

  stop(): { maxMb: number; lastMb: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const mb = this.read();
    if (mb !== null) this.samples.push(mb);
    return { maxMb: Math.max(0, ...this.samples), lastMb: this.samples.at(-1) ?? 0 };
  }
}
