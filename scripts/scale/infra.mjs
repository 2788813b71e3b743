// The real parts pnpm test:scale runs: a streaming replica of the machine's
// PostgreSQL, Debian's PgBouncer and haproxy with the configs in deploy/, and
// production server instances. Everything started here is registered for
// cleanup, which runs on success, failure and Ctrl-C alike.
import { spawn, spawnSync } from "node:child_process";
import { chownSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const APP_DIR = path.join(ROOT, "apps/web");
export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
export const PG_HOST = "127.0.0.1";
export const PG_PORT = Number(process.env.SCALE_PG_PORT ?? 5432);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups = [];
/** Registers an undo step; they run last-first. */
export const onCleanup = (step) => cleanups.push(step);
export const cleanupAll = async () => {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    try {
      await step();
    } catch (error) {
      console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
    }
  }
};

export const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** A temp dir owned by postgres (its binaries refuse to run as root), removed at cleanup. */
export const tempDir = (label) => {
  const dir = mkdtempSync(path.join(tmpdir(), `sharelinks-scale-${label}-`));
  if (process.getuid?.() === 0) chownSync(dir, pgUid(), pgGid());
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const idOf = (flag) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
const pgUid = () => idOf("-u");
const pgGid = () => idOf("-g");

/** argv run as the postgres user when we are root (setpriv execs: the pid is the program's). */
const asPostgres = (argv) =>
  process.getuid?.() === 0
    ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", ...argv]
    : argv;

export const run = (argv, options = {}) => {
  const [command, ...args] = options.asPostgres ? asPostgres(argv) : argv;
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status !== 0 && !options.allowFailure)
    throw new Error(`${argv.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result;
};

/** One SQL script on the machine's PostgreSQL (or another port), as postgres; the rows as text. */
export const psql = (sqlText, { db = "postgres", port = PG_PORT, allowFailure = false } = {}) =>
  run(
    [
      "psql",
      "-h",
      PG_HOST,
      "-p",
      String(port),
      "-U",
      "postgres",
      "-d",
      db,
      "-v",
      "ON_ERROR_STOP=1",
      "-qAtc",
      sqlText,
    ],
    {
      allowFailure,
    },
  ).stdout.trim();

/** A long-running child with its output in a file; killed (whole group) at cleanup. */
export const spawnLogged = (argv, { logFile, env = process.env, cwd = ROOT, asPg = false } = {}) => {
  const out = openSync(logFile, "a");
  const [command, ...args] = asPg ? asPostgres(argv) : argv;
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", out, out], detached: true });
  closeSync(out);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
    await Promise.race([exited, sleep(5_000)]);
  };
  onCleanup(kill);
  return { child, exited, kill, logFile };
};

export const tail = (file, lines = 25) => {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
};

/** Waits until `check()` is true; throws with `what` after `timeoutMs`. */
export const waitFor = async (what, check, timeoutMs, everyMs = 200) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
};

/**
 * A streaming standby of the machine's PostgreSQL: pg_basebackup -R into a
 * temp dir, started with PostgreSQL's own binaries on its own port. The
 * primary must allow replication connections from 127.0.0.1 (.ci/run adds the
 * pg_hba line when missing).
 */
export const startReplica = async () => {
  const dir = tempDir("replica");
  const data = path.join(dir, "data");
  const port = await freePort();
  const started = Date.now();
  run(
    [
      "pg_basebackup",
      "-h",
      PG_HOST,
      "-p",
      String(PG_PORT),
      "-U",
      "postgres",
      "-D",
      data,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
    ],
    {
      asPostgres: true,
    },
  );
  const own = (file, text) => {
    writeFileSync(path.join(data, file), text);
    if (process.getuid?.() === 0) chownSync(path.join(data, file), pgUid(), pgGid());
  };
  // Debian keeps the cluster's config in /etc: the copy gets a minimal one of its own.
  own(
    "postgresql.conf",
    `listen_addresses = '${PG_HOST}'\nport = ${port}\nunix_socket_directories = '${dir}'\nshared_buffers = 32MB\nhot_standby = on\nmax_connections = 100\n`,
  );
  own("pg_hba.conf", "local all all trust\nhost all all 127.0.0.1/32 trust\n");
  own("pg_ident.conf", "");
  const logFile = path.join(dir, "postgres.log");
  const pgCtl = (...args) =>
    run([`${PG_BIN}/pg_ctl`, "-D", data, "-l", logFile, ...args], { asPostgres: true, allowFailure: true });
  const start = () => {
    const result = pgCtl("-w", "-t", "60", "start");
    if (result.status !== 0) throw new Error(`replica did not start: ${tail(logFile)}`);
  };
  let running = false;
  const stop = (mode = "fast") => {
    if (!running) return;
    running = false;
    pgCtl("-w", "-t", "30", "-m", mode, "stop");
  };
  onCleanup(() => stop("immediate"));
  start();
  running = true;
  await waitFor(
    "the replica to accept connections",
    () => psql("select 1", { port, allowFailure: true }) === "1",
    60_000,
  );
  const size = psql("select pg_size_pretty(sum(pg_database_size(datname))) from pg_database", { port });
  return { port, dir, size, seconds: (Date.now() - started) / 1000, stop, isRunning: () => running };
};

/** `key = value` set (or added) in an ini section's body. */
const setIni = (text, key, value) => {
  const line = new RegExp(`^${key}\\s*=.*$`, "m");
  return line.test(text)
    ? text.replace(line, `${key} = ${value}`)
    : text.replace("[pgbouncer]\n", `[pgbouncer]\n${key} = ${value}\n`);
};

/**
 * Debian's PgBouncer with deploy/pgbouncer.ini: only where it listens, where
 * it finds PostgreSQL and its files change; pool mode, pool sizes, timeouts
 * and ignore_startup_parameters are the deployment's.
 */
export const startPgbouncer = async ({ users }) => {
  const dir = tempDir("pgbouncer");
  const port = await freePort();
  let ini = readFileSync(path.join(ROOT, "deploy/pgbouncer.ini"), "utf8");
  ini = ini.replace(/^\[databases\]\n[^[]*/m, `[databases]\n* = host=${PG_HOST} port=${PG_PORT}\n\n`);
  for (const [key, value] of Object.entries({
    listen_addr: PG_HOST,
    listen_port: port,
    auth_file: path.join(dir, "userlist.txt"),
    unix_socket_dir: "",
    pidfile: path.join(dir, "pgbouncer.pid"),
    // The app's role may read SHOW POOLS (the test's diagnostics); nothing else changes.
    stats_users: users[0][0],
  })) {
    ini = setIni(ini, key, value);
  }
  writeFileSync(path.join(dir, "pgbouncer.ini"), ini);
  writeFileSync(path.join(dir, "userlist.txt"), users.map(([u, p]) => `"${u}" "${p}"\n`).join(""));
  const logFile = path.join(dir, "pgbouncer.log");
  const proc = spawnLogged(["pgbouncer", path.join(dir, "pgbouncer.ini")], { logFile, asPg: true });
  await waitFor(
    "PgBouncer to listen",
    () => run(["pg_isready", "-h", PG_HOST, "-p", String(port)], { allowFailure: true }).status === 0,
    20_000,
  );
  const poolSize = Number(/^default_pool_size\s*=\s*(\d+)/m.exec(ini)?.[1] ?? 0);
  const show = (what) =>
    run(
      [
        "psql",
        "-h",
        PG_HOST,
        "-p",
        String(port),
        "-U",
        users[0][0],
        "-d",
        "pgbouncer",
        "-Atc",
        `show ${what}`,
      ],
      {
        allowFailure: true,
        env: { ...process.env, PGPASSWORD: users[0][1] },
      },
    ).stdout.trim();
  return { port, poolSize, show, ...proc };
};

/** haproxy with deploy/haproxy.cfg: its bind and its server lines point at this run's instances. */
export const startHaproxy = async (instances) => {
  const dir = tempDir("haproxy");
  const port = await freePort();
  let cfg = readFileSync(path.join(ROOT, "deploy/haproxy.cfg"), "utf8");
  cfg = cfg.replace(/^(\s*)bind \S+$/m, `$1bind ${PG_HOST}:${port}`);
  const servers = instances.map((i) => `  server ${i.name} ${PG_HOST}:${i.port} check`).join("\n");
  cfg = cfg.replace(/(^\s*server \S+ \S+ check\n?)+/m, `${servers}\n`);
  const file = path.join(dir, "haproxy.cfg");
  writeFileSync(file, cfg);
  run(["haproxy", "-c", "-q", "-f", file]);
  const logFile = path.join(dir, "haproxy.log");
  const proc = spawnLogged(["haproxy", "-db", "-f", file], { logFile });
  return { port, baseUrl: `http://${PG_HOST}:${port}`, cfg, ...proc };
};
