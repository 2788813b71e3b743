import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createServerDatabase, testDatabaseKinds } from "@sharelinks/db/testing";
import { testLogFile } from "@sharelinks/edge/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The production bundle (scripts/assemble-bundle.mjs, run by `pnpm build`)
 * copied into an empty directory outside the repository, so nothing resolves
 * from this checkout's node_modules, and run the way an operator would:
 * `node cli.mjs migrate`, then `node server.mjs`, with an environment that names
 * only what the server needs. On embedded PGlite and on PostgreSQL.
 */
const BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bundle");
const SHARE_TOKEN_SECRET = "bundle-share-token-secret-0123456789abcdef";
const ADMIN_TOKEN = "adm_bundle_0123456789abcdefghijklmnop";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes on disk, as `du` counts them (links once, as links). */
const diskUsage = (dir: string): number =>
  readdirSync(dir).reduce((sum, name) => {
    const stat = lstatSync(path.join(dir, name));
    return sum + stat.blocks * 512 + (stat.isDirectory() ? diskUsage(path.join(dir, name)) : 0);
  }, 0);

/** Files and directories that a user other than the bundle's owner could not read (or enter). */
const privateToOwner = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) return [];
    if (stat.isDirectory())
      return (stat.mode & 0o005) === 0o005 ? privateToOwner(full) : [`${path.relative(BUNDLE, full)}/`];
    return stat.mode & 0o004 ? [] : [path.relative(BUNDLE, full)];
  });

/** Symlinks that are absolute or land outside `top`: the copy would then use files it does not hold. */
const linksLeaving = (top: string, dir = top): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    if (stat.isDirectory()) return linksLeaving(top, full);
    if (!stat.isSymbolicLink()) return [];
    const target = readlinkSync(full);
    const leaves = path.isAbsolute(target) || path.relative(top, path.resolve(dir, target)).startsWith("..");
    return leaves ? [`${path.relative(top, full)} -> ${target}`] : [];
  });

describe("the production bundle, copied into an empty directory", () => {
  let home: string;
  let app: string;

  beforeAll(() => {
    if (!existsSync(path.join(BUNDLE, "server.mjs")))
      throw new Error(
        "apps/web/bundle is missing: run `pnpm --filter @sharelinks/web build` (turbo's test:e2e task depends on it).",
      );
    home = mkdtempSync(path.join(tmpdir(), "sharelinks-bundle-"));
    app = path.join(home, "app");
    // verbatimSymlinks: pnpm's relative links must stay relative, as `cp -a` and a Docker COPY keep them.
    cpSync(BUNDLE, app, { recursive: true, verbatimSymlinks: true });
  });
  afterAll(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it("holds everything it links to, readable by any user, with no node_modules above it to fall back on", () => {
    expect(linksLeaving(app)).toEqual([]);
    const above: string[] = [];
    for (let dir = home; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, "node_modules"))) above.push(dir);
      if (path.dirname(dir) === dir) break;
    }
    expect(above).toEqual([]);
    // Installed by one user (root in the Dockerfile), run by another: everything must be readable.
    expect(privateToOwner(BUNDLE)).toEqual([]);
    console.log(`[bundle] size on disk: ${(diskUsage(app) / 1024 / 1024).toFixed(0)} MiB (du)`);
  });

  describe.each(testDatabaseKinds())("on %s", (kind) => {
    let env: NodeJS.ProcessEnv;
    let dropDatabase: (() => Promise<void>) | null = null;
    let server: ChildProcess | null = null;
    let apiKey = "";

    beforeAll(async () => {
      const port = await freePort();
      // Only what a production host would set: no inherited NODE_PATH, npm or pnpm variables.
      env = {
        NODE_ENV: "production",
        PATH: process.env.PATH,
        HOME: home,
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        SHARE_TOKEN_SECRET,
        ADMIN_TOKEN,
        LOG_LEVEL: "info",
        NEXT_TELEMETRY_DISABLED: "1",
      };
      if (kind === "postgres") {
        const database = await createServerDatabase(); // empty: the CLI's migrate step builds the schema
        dropDatabase = database.drop;
        env.DATABASE_URL = database.url;
        // The deploy's shape: migrations are the migrate step's job, the server refuses a schema behind.
        env.MIGRATE_ON_START = "false";
      } else {
        env.DATA_DIR = mkdtempSync(path.join(home, "data-"));
      }
    });
    afterAll(async () => {
      if (server && server.exitCode === null) server.kill("SIGKILL");
      await dropDatabase?.();
      if (env?.DATA_DIR) rmSync(env.DATA_DIR, { recursive: true, force: true });
    });

    const cli = (args: string[], input = "") => {
      const result = spawnSync(process.execPath, ["cli.mjs", ...args], {
        cwd: app,
        env,
        input,
        encoding: "utf8",
        timeout: 120_000,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    // PostgreSQL as a deploy runs it: the migrate step on an empty database, then
    // onboarding (create-user hashes with argon2, the bundle's one native module).
    // Embedded PGlite needs neither: the server starts from the build's migrated
    // image and seeds a demo brand, whose API key it prints.
    if (kind === "postgres") {
      it("migrates with `node cli.mjs migrate` and onboards a brand, a user and an API key", () => {
        const migrate = cli(["migrate"]);
        expect(migrate.stderr).toMatch(/Applied \d+ migration\(s\): 0000_init/);
        expect(migrate.code).toBe(0);
        const brand = cli(["create-brand", "--name", "Bundle"]);
        expect(brand.code, brand.stderr).toBe(0);
        const user = cli(
          ["create-user", "--brand", brand.stdout.trim(), "--email", "ops@bundle.test", "--role", "manager"],
          "a long enough password\n",
        );
        expect(user.code, user.stderr).toBe(0);
        const key = cli(["create-api-key", "--email", "ops@bundle.test"]);
        expect(key.code, key.stderr).toBe(0);
        apiKey = key.stdout.trim();
        expect(apiKey).toMatch(/^slk_[A-Za-z0-9_-]{43}$/);
      });
    }

    it("starts with `node server.mjs` and serves /healthz, a dashboard page and the REST API", async () => {
      if (kind === "postgres") expect(apiKey, "the onboarding test above must pass first").not.toBe("");
      const base = env.PUBLIC_BASE_URL as string;
      const lines: string[] = [];
      const logFile = testLogFile("bundle-server");
      const spawnedAt = Date.now();
      const proc = spawn(process.execPath, ["server.mjs"], {
        cwd: app,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      server = proc;
      const keep = (chunk: Buffer) => {
        lines.push(chunk.toString());
        if (logFile) appendFileSync(logFile, chunk);
      };
      proc.stdout?.on("data", keep);
      proc.stderr?.on("data", keep);
      const output = () => lines.join("").slice(-4000);

      let healthy = false;
      for (const deadline = Date.now() + 120_000; !healthy && Date.now() < deadline; ) {
        if (proc.exitCode !== null) throw new Error(`server.mjs exited with ${proc.exitCode}:\n${output()}`);
        healthy = await fetch(`${base}/healthz`).then(
          (response) => response.status === 200,
          () => false,
        );
        if (!healthy) await sleep(50);
      }
      const coldStartMs = Date.now() - spawnedAt;
      expect(healthy, output()).toBe(true);
      if (kind === "pglite") {
        // The start banner (printed once listening) names the seeded demo brand's key.
        for (let tries = 0; !/API key: +slk_/.test(output()) && tries < 100; tries += 1) await sleep(50);
        apiKey = output().match(/API key: +(slk_[A-Za-z0-9_-]{43})/)?.[1] ?? "";
        expect(apiKey, output()).not.toBe("");
      }
      // A figure for docs/benchmarks.md, not an assertion: spawn to the first 200 from /healthz.
      console.log(`[bundle] cold start on ${kind}: ${coldStartMs} ms (spawn to first /healthz 200)`);

      const signIn = await fetch(`${base}/sign-in`);
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get("content-type")).toContain("text/html");
      const html = await signIn.text();
      expect(html).toMatch(/<html/i);
      // Next's client assets come from the bundle's .next/static, which standalone output leaves out.
      const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
      expect(script, "a script tag of Next's").toBeDefined();
      const asset = await fetch(`${base}${script}`);
      expect(asset.status).toBe(200);
      await asset.arrayBuffer();

      const shares = await fetch(`${base}/v1/shares`, { headers: { authorization: `Bearer ${apiKey}` } });
      expect(shares.status).toBe(200);
      expect(await shares.json()).toMatchObject({ data: expect.any(Array), has_more: expect.any(Boolean) });
      const missing = await fetch(`${base}/v1/shared/no-such-token`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({
        error: { code: "not_found" },
        request_id: expect.any(String),
      });

      const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
      proc.kill("SIGTERM");
      expect(await exited, output()).toBe(0);
    });
  });
});
