import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "sharelinks-env-"));

describe("loadConfig", () => {
  it("embedded mode generates secrets once and reuses them on the next start", () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.embedded).toBe(true);
    expect(first.shareTokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.adminToken).toMatch(/^adm_/);
    expect(second.shareTokenSecret).toBe(first.shareTokenSecret);
    expect(second.adminToken).toBe(first.adminToken);
    const file = path.join(dataDir, "secrets.json");
    expect(JSON.parse(readFileSync(file, "utf8")).adminToken).toBe(first.adminToken);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("reads a variable set to nothing as unset: the default, not a refused start", () => {
    const dataDir = tempDir();
    const defaults = loadConfig({ DATA_DIR: dataDir });
    const empty = loadConfig({
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: "",
      PUBLIC_RATE_LIMIT_PER_MINUTE: " ",
      DATABASE_POOL_SIZE: "",
      JOB_MAINTENANCE_INTERVAL_SECONDS: "",
      PUBLIC_PAGE_CACHE_MB: "",
      METRICS_PORT: "",
      PUBLIC_BASE_URL: "",
    });
    expect(empty.rateLimitPerMinute).toBe(defaults.rateLimitPerMinute);
    expect(empty.publicRateLimitPerMinute).toBe(defaults.publicRateLimitPerMinute);
    expect(empty).toEqual(defaults);
    // A value that is there is still checked.
    expect(() => loadConfig({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: "0" })).toThrow(
      /RATE_LIMIT_PER_MINUTE/,
    );
  });

  it("fails closed with PostgreSQL when a secret is missing, naming what is missing", () => {
    const attempt = () =>
      loadConfig({ DATABASE_URL: "postgres://db.example/app", ADMIN_TOKEN: "a".repeat(32) });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/SHARE_TOKEN_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: "postgres://db.example/app" })).toThrow(
      /SHARE_TOKEN_SECRET and ADMIN_TOKEN/,
    );
  });

  it("accepts PostgreSQL with both secrets and keeps the URL", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://db.example/app",
      SHARE_TOKEN_SECRET: "s".repeat(32),
      ADMIN_TOKEN: "a".repeat(32),
      PUBLIC_BASE_URL: "https://links.example.com/",
    });
    expect(config.embedded).toBe(false);
    expect(config.databaseUrl).toBe("postgres://db.example/app");
    expect(config.publicBaseUrl).toBe("https://links.example.com");
  });

  it.each([
    [{ PORT: "not-a-port" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [{ PUBLIC_BASE_URL: "not a url" }, /PUBLIC_BASE_URL/],
    [{ SHARE_TOKEN_SECRET: "short" }, /SHARE_TOKEN_SECRET: must be at least 32/],
    [{ REDIS_URL: "http://cache" }, /REDIS_URL/],
    [{ RATE_LIMIT_PER_MINUTE: "0" }, /RATE_LIMIT_PER_MINUTE/],
    [{ AUTH_FAILURE_LIMIT_PER_MINUTE: "0" }, /AUTH_FAILURE_LIMIT_PER_MINUTE/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL/],
    [{ EXPIRED_SHARE_RETENTION_DAYS: "0" }, /EXPIRED_SHARE_RETENTION_DAYS/],
    [{ AUDIT_RETENTION_DAYS: "forever" }, /AUDIT_RETENTION_DAYS/],
    [{ WEBHOOK_DELIVERY_RETENTION_DAYS: "0" }, /WEBHOOK_DELIVERY_RETENTION_DAYS/],
    [{ VISITOR_KEY_RETENTION_DAYS: "1" }, /VISITOR_KEY_RETENTION_DAYS/],
  ])("rejects %o with a message naming the variable", (env, message) => {
    expect(() => loadConfig({ DATA_DIR: tempDir(), ...env })).toThrow(message);
  });

  it("defaults the public base URL to localhost on the configured port", () => {
    const config = loadConfig({ DATA_DIR: tempDir(), PORT: "4321" });
    expect(config.publicBaseUrl).toBe("http://localhost:4321");
    expect(config.rateLimitPerMinute).toBe(600);
    expect(config.publicRateLimitPerMinute).toBe(300);
    expect(config.authFailureLimitPerMinute).toBe(60);
    expect([
      config.expiredShareRetentionDays,
      config.auditRetentionDays,
      config.webhookDeliveryRetentionDays,
      config.visitorKeyRetentionDays,
    ]).toEqual([90, 400, 30, 2]);
    expect(
      loadConfig({ DATA_DIR: tempDir(), AUTH_FAILURE_LIMIT_PER_MINUTE: "7" }).authFailureLimitPerMinute,
    ).toBe(7);
  });

  it("reads the scale-out settings: pooler, pool size, deadlines, migrate on start, drain", () => {
    const defaults = loadConfig({ DATA_DIR: tempDir() });
    expect(defaults.database).toMatchObject({ pooler: "none", poolSize: 10, deadlineMs: 6_000 });
    expect(defaults.migrateOnStart).toBe(true);
    expect(defaults.shutdownDrainMs).toBe(0);
    const set = loadConfig({
      DATA_DIR: tempDir(),
      DATABASE_POOLER: "transaction",
      DATABASE_POOL_SIZE: "4",
      DATABASE_DEADLINE_MS: "2500",
      MIGRATE_ON_START: "false",
      SHUTDOWN_DRAIN_MS: "5000",
    });
    expect(set.database).toMatchObject({ pooler: "transaction", poolSize: 4, deadlineMs: 2_500 });
    expect(set.migrateOnStart).toBe(false);
    expect(set.shutdownDrainMs).toBe(5_000);
    expect(() => loadConfig({ DATA_DIR: tempDir(), DATABASE_POOLER: "session" })).toThrow(/DATABASE_POOLER/);
  });

  it("reads the job queue's maintenance interval: 120 s by default, 1..3600", () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).jobMaintenanceIntervalSeconds).toBe(120);
    expect(
      loadConfig({ DATA_DIR: tempDir(), JOB_MAINTENANCE_INTERVAL_SECONDS: "5" })
        .jobMaintenanceIntervalSeconds,
    ).toBe(5);
    for (const bad of ["0", "-5", "1.5", "3601", "soon"]) {
      expect(() => loadConfig({ DATA_DIR: tempDir(), JOB_MAINTENANCE_INTERVAL_SECONDS: bad })).toThrow(
        /JOB_MAINTENANCE_INTERVAL_SECONDS/,
      );
    }
  });

  it("reads the rendered-page cache's size: 192 MB on PostgreSQL, 16 MB embedded, 0 for none", () => {
    const MB = 1024 * 1024;
    const pg = {
      DATA_DIR: tempDir(),
      DATABASE_URL: "postgres://app@db/sharelinks",
      SHARE_TOKEN_SECRET: "s".repeat(32),
      ADMIN_TOKEN: "a".repeat(24),
    };
    expect(loadConfig(pg).publicPageCacheBytes).toBe(192 * MB);
    expect(loadConfig({ DATA_DIR: tempDir() }).publicPageCacheBytes).toBe(16 * MB);
    expect(loadConfig({ ...pg, PUBLIC_PAGE_CACHE_MB: "0" }).publicPageCacheBytes).toBe(0);
    expect(loadConfig({ DATA_DIR: tempDir(), PUBLIC_PAGE_CACHE_MB: "64" }).publicPageCacheBytes).toBe(
      64 * MB,
    );
    for (const bad of ["-1", "1.5", "4097", "lots"]) {
      expect(() => loadConfig({ ...pg, PUBLIC_PAGE_CACHE_MB: bad })).toThrow(/PUBLIC_PAGE_CACHE_MB/);
    }
  });

  it("reads the read replica: URL, lag bound and check interval; refuses one without PostgreSQL", () => {
    const pg = {
      DATA_DIR: tempDir(),
      DATABASE_URL: "postgres://app@db/sharelinks",
      SHARE_TOKEN_SECRET: "s".repeat(32),
      ADMIN_TOKEN: "a".repeat(24),
    };
    expect(loadConfig(pg).database).toMatchObject({
      replicaUrl: undefined,
      replicaMaxLagMs: 1_000,
      replicaCheckIntervalMs: 250,
    });
    const set = loadConfig({
      ...pg,
      DATABASE_REPLICA_URL: "postgres://app@replica/sharelinks",
      REPLICA_MAX_LAG_MS: "500",
      REPLICA_CHECK_INTERVAL_MS: "100",
    });
    expect(set.database).toMatchObject({
      replicaUrl: "postgres://app@replica/sharelinks",
      replicaMaxLagMs: 500,
      replicaCheckIntervalMs: 100,
    });
    expect(() => loadConfig({ ...pg, DATABASE_REPLICA_URL: "mysql://replica" })).toThrow(
      /DATABASE_REPLICA_URL/,
    );
    expect(() => loadConfig({ DATA_DIR: tempDir(), DATABASE_REPLICA_URL: "postgres://replica/x" })).toThrow(
      ConfigError,
    );
  });
});
