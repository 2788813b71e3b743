import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Database } from "@sharelinks/db";
import { testLogFile } from "@sharelinks/edge/testing";

const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARE_TOKEN_SECRET = "e2e-share-token-secret-0123456789abcdef";
export const ADMIN_TOKEN = "adm_e2e_0123456789abcdefghijklmnop";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunningServer {
  baseUrl: string;
  adminToken: string;
  mode: "pglite" | "postgres";
  /** Moves a share's expiry into the past, as if time had passed. */
  expireShare(shareId: string): Promise<void>;
  /** Last lines the server printed, for failure messages. */
  output(): string;
  /**
   * Runs `fn` on the server's database from the test process: on PostgreSQL
   * any time; on embedded PGlite only while the server is down (one process
   * per data directory).
   */
  withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** `kill -9`: no drain, no flush, no close of the database. */
  crash(): Promise<void>;
  /** Starts the server again on the same port and database (after `crash`). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Extra environment for the server (e.g. WEBHOOK_ALLOW_PRIVATE_URLS). */
  env?: Record<string, string>;
}

/**
 * Starts the real production server (`node dist/server.mjs`, what
 * `pnpm --filter @sharelinks/web build` produces next to `.next`) on a free port with its own database: a temp PGlite data dir,
 * or, when DATABASE_URL is set, a fresh `sharelinks_e2e_*` database on that
 * server, dropped afterwards.
 */
export const startServer = async (options: StartServerOptions = {}): Promise<RunningServer> => {
  if (
    !existsSync(path.join(APP_DIR, ".next", "BUILD_ID")) ||
    !existsSync(path.join(APP_DIR, "dist", "server.mjs"))
  ) {
    throw new Error(
      "apps/web/.next has no production build: run `pnpm --filter @sharelinks/web build` (turbo's test:e2e task depends on it).",
    );
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverUrl = process.env.DATABASE_URL?.trim();
  const mode: RunningServer["mode"] = serverUrl?.startsWith("postgres") ? "postgres" : "pglite";

  let dataDir: string | null = null;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | null = null;
  let direct: Database | null = null;

  if (mode === "postgres" && serverUrl) {
    const name = `sharelinks_e2e_${Date.now()}_${randomBytes(4).toString("hex")}`;
    // Creating and dropping a database waits on checkpoints and disk: on a loaded machine longer than
    // the app's 5 s statement timeout and 6 s client deadline.
    const adminOptions = { maxConnections: 1, statementTimeoutMs: 120_000, deadlineMs: 125_000 };
    const admin = await createDb(serverUrl, adminOptions);
    try {
      await admin.orm.execute(`create database "${name}"`);
    } finally {
      await admin.close();
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const db = await createDb(serverUrl, adminOptions);
      try {
        await db.orm.execute(`drop database if exists "${name}" with (force)`);
      } finally {
        await db.close();
      }
    };
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), "sharelinks-e2e-"));
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_BASE_URL: baseUrl,
    SHARE_TOKEN_SECRET,
    ADMIN_TOKEN,
    // Every request is logged (the run's log scan reads these lines too).
    LOG_LEVEL: "info",
    RATE_LIMIT_PER_MINUTE: "100000",
    PUBLIC_RATE_LIMIT_PER_MINUTE: "100000",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (dataDir) env.DATA_DIR = dataDir;

  let child: ChildProcess | null = null;
  let lines: string[] = [];
  const output = () => lines.slice(-60).join("");

  const launch = async () => {
    lines = [];
    const proc = spawn(process.execPath, ["dist/server.mjs"], {
      cwd: APP_DIR,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    // During `npm test` the server's output also goes to the run's log directory, for the secret scan.
    const logFile = testLogFile("e2e-server");
    const keep = (chunk: Buffer) => {
      lines.push(chunk.toString());
      if (lines.length > 400) lines.splice(0, lines.length - 200);
      if (logFile) appendFileSync(logFile, chunk);
    };
    proc.stdout?.on("data", keep);
    proc.stderr?.on("data", keep);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null)
        throw new Error(`The server exited with ${proc.exitCode} while starting:\n${output()}`);
      try {
        const response = await fetch(`${baseUrl}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`The server did not answer /healthz within 90 s:\n${output()}`);
  };

  const halt = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGTERM");
    const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
    if (timedOut) {
      proc.kill("SIGKILL");
      await exited;
    }
  };

  const cleanup = async () => {
    await halt();
    await direct?.close();
    direct = null;
    await dropDatabase?.();
    dropDatabase = null;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await launch();
  } catch (error) {
    await cleanup();
    throw error;
  }

  const expire = (db: Database, shareId: string) =>
    db.orm.execute(`update shares set expires_at = now() - interval '1 minute' where id = '${shareId}'`);

  return {
    baseUrl,
    adminToken: ADMIN_TOKEN,
    mode,
    output,
    async crash() {
      const proc = child as ChildProcess | null;
      child = null;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      proc.kill("SIGKILL");
      await exited;
    },
    restart: launch,
    async withDatabase(fn) {
      if (databaseUrl) {
        direct ??= await createDb(databaseUrl, { maxConnections: 1 });
        return fn(direct);
      }
      if (child) throw new Error("withDatabase on PGlite needs the server down (crash or stop it first)");
      const db = await createDb(`file://${path.join(dataDir as string, "pglite")}`);
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    async expireShare(shareId) {
      if (!UUID.test(shareId)) throw new Error(`not a share id: ${shareId}`);
      if (databaseUrl) {
        direct ??= await createDb(databaseUrl, { maxConnections: 1 });
        await expire(direct, shareId);
        return;
      }
      // Embedded PGlite belongs to one process: stop the server, edit, start it again.
      await halt();
      const db = await createDb(`file://${path.join(dataDir as string, "pglite")}`);
      try {
        await expire(db, shareId);
      } finally {
        await db.close();
      }
      await launch();
    },
    stop: cleanup,
  };
};
