import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasAnyUser, observeDb } from "@sharelinks/db";
import { createLogger } from "@sharelinks/edge";
import next from "next";
import { bootstrap } from "./bootstrap";
import { builtNextConfig } from "./built-next-config";
import { drainState } from "./drain-state";
import { ConfigError, loadConfig } from "./env";
import { firstUserHint } from "./first-user-hint";
import { createServerFrontDoor } from "./front-door/server-front-door";
import { startJobs } from "./jobs";
import { startMetricsListener } from "./metrics/metrics-endpoint";
import { createServerMetrics } from "./metrics/server-metrics";
import { setRuntime } from "./runtime-registry";
import { startupErrorLine } from "./startup-error";
import { startTracing } from "./telemetry/tracing";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

const start = async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, base: { service: "sharelinks" } });
  // Before the database opens: its clients are wrapped in spans only when tracing is on.
  const tracing = await startTracing();
  const metrics = createServerMetrics();
  observeDb(metrics.db);
  const { db, services, replica, demo } = await bootstrap(config, {
    onReplicaChange: (state) =>
      state.usable
        ? logger.info({ lag_ms: state.lagMs }, "read replica in use")
        : logger.warn(
            { reason: state.reason, lag_ms: state.lagMs },
            "read replica not used: reads go to the primary",
          ),
    // An instance waiting for another's migration says so (it has no open port yet).
    onMigrateLog: (message, fields) => logger.warn(fields, message),
  });
  setRuntime({ config, services });
  const needsFirstUser = !demo && !(await hasAnyUser(db));
  const jobs = await startJobs({ config, db, services, logger, onJobFinished: metrics.onJobFinished });

  const nextApp = next({
    dev,
    dir: appDir,
    hostname: "localhost",
    port: config.port,
    ...(dev ? {} : { conf: builtNextConfig(appDir) }),
  });
  await nextApp.prepare();
  const nextHandler = nextApp.getRequestHandler();

  const frontDoor = createServerFrontDoor({
    config,
    services,
    logger,
    dev,
    metrics,
    tracing,
    next: (req, res) => nextHandler(req, res),
  });
  const metricsServer =
    config.metricsPort === undefined
      ? null
      : await startMetricsListener(metrics.registry, {
          host: config.host,
          port: config.metricsPort,
          token: config.metricsToken,
        });
  const server = createServer();
  frontDoor.attach(server);
  // Keep-alive longer than typical load-balancer idle timeouts avoids reset races.
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, config.host, () => {
    const lines = [
      "",
      `sharelinks is running at ${config.publicBaseUrl}`,
      `  database:   ${config.embedded ? `embedded PGlite in ${config.dataDir}` : `PostgreSQL (DATABASE_URL${replica ? ", reads of /shared from DATABASE_REPLICA_URL" : ""})`}`,
    ];
    if (demo) {
      lines.push(`  sign in:    ${demo.email} / ${demo.password}`);
      if (demo.apiKey) lines.push(`  API key:    ${demo.apiKey}`);
      lines.push(`  admin token: ${config.adminToken}`);
    }
    if (needsFirstUser) lines.push(...firstUserHint());
    lines.push("");
    process.stdout.write(`${lines.join("\n")}\n`);
  });

  frontDoor.onRequestStarted((_context, _req, res) => {
    if (drainState.draining) res.setHeader("Connection", "close");
  });
  const shutdown = (signal: string) => {
    // Graceful drain (docs/operations.md, "Scale-out"): /readyz answers 503 at
    // once; requests keep being served for SHUTDOWN_DRAIN_MS so the balancer
    // notices; then no new connections, every answer says Connection: close,
    // in-flight requests get SHUTDOWN_TIMEOUT_MS; then the view flush, jobs,
    // tracing, and only last the database. Exit 0 when clean, 1 when forced.
    drainState.draining = true;
    // `pnpm dev`: the dev server's HMR socket would hold a Ctrl-C for the whole timeout.
    const timeoutMs = dev ? Math.min(config.shutdownTimeoutMs, 1_000) : config.shutdownTimeoutMs;
    logger.info({ signal, drain_ms: config.shutdownDrainMs }, "shutting down: draining");
    let forced = false;
    const stopped = new Promise<void>((resolve) => {
      setTimeout(() => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => {
          forced = true;
          logger.warn({ in_flight: frontDoor.inFlight }, "shutdown timeout: closing remaining connections");
          server.closeAllConnections();
          resolve();
        }, timeoutMs).unref();
      }, config.shutdownDrainMs).unref();
    });
    metricsServer?.close();
    void stopped
      .then(() => frontDoor.close())
      .then(() => jobs.stop(3_000))
      .then(() => tracing?.shutdown())
      .finally(() => replica?.close())
      .finally(() => db.close())
      .finally(() => {
        logger.info({ forced }, "stopped");
        process.exit(forced ? 1 : 0);
      });
    setTimeout(() => process.exit(1), config.shutdownDrainMs + timeoutMs + 10_000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
};

start().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`${startupErrorLine(error, process.env.DATABASE_URL)}\n`);
    // The stack only when asked for: a failed start is usually configuration, not a bug.
    if (process.env.LOG_LEVEL === "debug" || process.env.LOG_LEVEL === "trace")
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
