// Production server instances (apps/web/dist/server.mjs) and the HTTP client
// the scenarios drive them with.
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { APP_DIR, freePort, PG_HOST, run, sleep, spawnLogged, tail, waitFor } from "./infra.mjs";

export const SHARE_TOKEN_SECRET = "scale-test-share-token-secret-0123456789";
export const ADMIN_TOKEN = "adm_scale_0123456789abcdefghijklmnop";

/** The build `npm test` made (turbo's test task builds the app); built here only when missing. */
export const ensureBuild = () => {
  const ready = () =>
    existsSync(path.join(APP_DIR, ".next", "BUILD_ID")) &&
    existsSync(path.join(APP_DIR, "dist", "server.mjs")) &&
    existsSync(path.join(APP_DIR, "dist", "cli.mjs"));
  if (ready()) return "reused";
  console.log("scale: no production build yet, building (a few minutes)");
  run(["node", "scripts/pnpm.mjs", "turbo", "run", "build", "--filter=@sharelinks/web"], {
    cwd: path.resolve(APP_DIR, "../.."),
    stdio: "inherit",
  });
  if (!ready()) throw new Error("the build did not produce apps/web/dist/server.mjs and dist/cli.mjs");
  return "built";
};

const baseEnv = () => {
  const env = {};
  for (const key of ["PATH", "HOME", "LANG", "TZ"])
    if (process.env[key] !== undefined) env[key] = process.env[key];
  return env;
};

/** `node dist/cli.mjs migrate`, the production build's migrate step. */
export const migrateCommand = (env) =>
  run(["node", "dist/cli.mjs", "migrate"], {
    cwd: APP_DIR,
    env: { ...baseEnv(), SHARE_TOKEN_SECRET, ADMIN_TOKEN, ...env },
  });

/**
 * One instance: `node dist/server.mjs` on its own port. `start()` may be
 * called again after `stop()` (a rolling restart).
 */
export const appInstance = async (name, env, logDir) => {
  const port = await freePort();
  const baseUrl = `http://${PG_HOST}:${port}`;
  const logFile = path.join(logDir, `${name}.log`);
  let proc = null;
  const fullEnv = {
    ...baseEnv(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: PG_HOST,
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    SHARE_TOKEN_SECRET,
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: "1000000",
    PUBLIC_RATE_LIMIT_PER_MINUTE: "1000000",
    AUTH_FAILURE_LIMIT_PER_MINUTE: "1000000",
    TRUST_PROXY_HOPS: "1",
    ...env,
  };
  const instance = {
    name,
    port,
    baseUrl,
    logFile,
    get pid() {
      return proc?.child.pid;
    },
    /** Spawns it; `ready()` waits for /readyz. */
    spawn() {
      proc = spawnLogged(["node", "dist/server.mjs"], { cwd: APP_DIR, env: fullEnv, logFile });
      return proc;
    },
    async ready(timeoutMs = 120_000) {
      await waitFor(
        `${name} /readyz`,
        async () => {
          if (proc?.child.exitCode !== null && proc?.child.exitCode !== undefined)
            throw new Error(`${name} exited with ${proc.child.exitCode}:\n${tail(logFile)}`);
          return (await get(`${baseUrl}/readyz`)) === 200;
        },
        timeoutMs,
        250,
      );
    },
    async start(timeoutMs) {
      instance.spawn();
      await instance.ready(timeoutMs);
    },
    /** SIGTERM and wait for the exit; its code (0 = drained cleanly). */
    async stop() {
      const current = proc;
      if (!current || current.child.exitCode !== null) return current?.child.exitCode ?? null;
      current.child.kill("SIGTERM");
      const { code } = await Promise.race([current.exited, sleep(60_000).then(() => ({ code: "timeout" }))]);
      if (code === "timeout") await current.kill();
      return code;
    },
    log: () => readFileSync(logFile, "utf8"),
  };
  return instance;
};

const get = (url) =>
  new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });

/** A keep-alive HTTP client: every answer comes back as {status, body, json, ms}; network errors as status 0. */
export const client = (baseUrl, { maxSockets = 64 } = {}) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const request = (method, urlPath, { token, body, timeoutMs = 30_000, base = baseUrl } = {}) =>
    new Promise((resolve) => {
      const started = performance.now();
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const url = new URL(urlPath, base);
      const req = http.request(
        url,
        {
          method,
          agent: base === baseUrl ? agent : undefined,
          timeout: timeoutMs,
          headers: {
            ...(token && { authorization: `Bearer ${token}` }),
            ...(payload && {
              "content-type": "application/json",
              "content-length": Buffer.byteLength(payload),
            }),
          },
        },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString();
            let json = null;
            try {
              json = text ? JSON.parse(text) : null;
            } catch {}
            resolve({ status: res.statusCode ?? 0, body: text, json, ms: performance.now() - started });
          });
          res.on("error", (error) =>
            resolve({ status: 0, body: String(error), json: null, ms: performance.now() - started }),
          );
        },
      );
      req.on("timeout", () => req.destroy(new Error("client timeout")));
      req.on("error", (error) =>
        resolve({ status: 0, body: String(error), json: null, ms: performance.now() - started }),
      );
      if (payload) req.write(payload);
      req.end();
    });
  return { request, close: () => agent.destroy() };
};

/** Throws unless the answer has this status; returns its JSON. */
export const expectStatus = (reply, status, what) => {
  if (reply.status !== status)
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${reply.body.slice(0, 300)}`);
  return reply.json;
};
