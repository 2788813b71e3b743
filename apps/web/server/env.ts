import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_RETENTION_POLICY,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  MIN_VISITOR_KEY_RETENTION_DAYS,
} from "@sharelinks/core";
import { DATABASE_DEFAULTS, type PoolerMode, REPLICA_DEFAULTS } from "@sharelinks/db";
import { DEFAULT_RATE_LIMITS } from "@sharelinks/edge";
import { z } from "zod";

/**
 * The one place environment variables are read (each is listed in .env.example;
 * docs/operations.md, "Running it", Variables). Everything else gets
 * a typed `AppConfig`. Fails closed: outside embedded mode a missing secret
 * stops the start instead of falling back to a default key.
 */
// Blank values never get here: loadConfig drops them first (withoutEmpty).
const optionalString = z.string().trim().optional();

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const retentionDays = (fallback: number, min = MIN_RETENTION_DAYS) =>
  z.coerce.number().int().min(min).max(MAX_RETENTION_DAYS).default(fallback);

/**
 * Rendered public pages kept per instance (server/rendered-pages.ts): about
 * 25,000 report pages on PostgreSQL; embedded mode (one laptop, a few links)
 * keeps its memory for the rest.
 */
const DEFAULT_PUBLIC_PAGE_CACHE_MB = { postgres: 192, embedded: 16 } as const;
const MAX_PUBLIC_PAGE_CACHE_MB = 4096;

/** pg-boss's own default: how often an instance may run the job queue's maintenance. */
const DEFAULT_JOB_MAINTENANCE_INTERVAL_SECONDS = 120;
const MAX_JOB_MAINTENANCE_INTERVAL_SECONDS = 3600;

const envSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(
        /^(postgres(ql)?|memory|file):\/\//,
        "must start with postgres://, postgresql://, memory:// or file://",
      )
      .optional(),
  ),
  DIRECT_DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATABASE_REPLICA_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  REPLICA_MAX_LAG_MS: positiveInt(REPLICA_DEFAULTS.maxLagMs),
  REPLICA_CHECK_INTERVAL_MS: positiveInt(REPLICA_DEFAULTS.intervalMs),
  DATABASE_POOLER: z.enum(["none", "transaction"]).default("none"),
  DATABASE_POOL_SIZE: positiveInt(DATABASE_DEFAULTS.maxConnections),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt(DATABASE_DEFAULTS.statementTimeoutMs),
  DATABASE_DEADLINE_MS: positiveInt(DATABASE_DEFAULTS.deadlineMs),
  DATABASE_TRANSACTION_DEADLINE_MS: positiveInt(DATABASE_DEFAULTS.transactionDeadlineMs),
  MIGRATE_ON_START: z.enum(["true", "false"]).optional(),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(0),
  SHUTDOWN_TIMEOUT_MS: positiveInt(20_000),
  DATA_DIR: optionalString,
  PORT: positiveInt(3000).pipe(z.number().max(65535)),
  HOST: optionalString,
  PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
  SHARE_TOKEN_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  ADMIN_TOKEN: optionalString.pipe(z.string().min(24, "must be at least 24 characters").optional()),
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
  ),
  RATE_LIMIT_PER_MINUTE: positiveInt(DEFAULT_RATE_LIMITS.perKeyPerMinute),
  PUBLIC_RATE_LIMIT_PER_MINUTE: positiveInt(DEFAULT_RATE_LIMITS.publicPerIpPerMinute),
  AUTH_FAILURE_LIMIT_PER_MINUTE: positiveInt(DEFAULT_RATE_LIMITS.authFailuresPerIpPerMinute),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  EXPIRED_SHARE_RETENTION_DAYS: retentionDays(DEFAULT_RETENTION_POLICY.expiredShareRetentionDays),
  AUDIT_RETENTION_DAYS: retentionDays(DEFAULT_RETENTION_POLICY.auditRetentionDays),
  WEBHOOK_DELIVERY_RETENTION_DAYS: retentionDays(DEFAULT_RETENTION_POLICY.webhookDeliveryRetentionDays),
  VISITOR_KEY_RETENTION_DAYS: retentionDays(
    DEFAULT_RETENTION_POLICY.visitorKeyRetentionDays,
    MIN_VISITOR_KEY_RETENTION_DAYS,
  ),
  JOB_MAINTENANCE_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_JOB_MAINTENANCE_INTERVAL_SECONDS)
    .default(DEFAULT_JOB_MAINTENANCE_INTERVAL_SECONDS),
  PUBLIC_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(MAX_PUBLIC_PAGE_CACHE_MB).optional(),
  // Owners' expiry reminder emails (docs/webhooks.md, "share.expiring"); unset: no emails.
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
  ),
  SMTP_FROM: optionalString,
  // Dev and tests only: webhook URLs may be plain http to loopback (docs/webhooks.md).
  WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(["true", "false"]).optional(),
  METRICS_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).max(65535).optional()),
  METRICS_TOKEN: optionalString.pipe(z.string().min(24, "must be at least 24 characters").optional()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: optionalString,
});

export interface AppConfig {
  /** Embedded mode: PGlite under dataDir, secrets generated and kept there. */
  embedded: boolean;
  databaseUrl: string | undefined;
  /** PostgreSQL pool settings (docs/operations.md, "Scale-out"). */
  database: {
    /** DIRECT_DATABASE_URL: the server itself, for migrations, when DATABASE_URL is a pooler. */
    directUrl: string | undefined;
    pooler: PoolerMode;
    poolSize: number;
    statementTimeoutMs: number;
    deadlineMs: number;
    transactionDeadlineMs: number;
    /**
     * DATABASE_REPLICA_URL: a streaming standby the public reads use while it is
     * provably fresher than `replicaMaxLagMs` (docs/operations.md, "Read replica").
     */
    replicaUrl: string | undefined;
    replicaMaxLagMs: number;
    replicaCheckIntervalMs: number;
  };
  /** MIGRATE_ON_START (default true): false = no DDL at start; refuse to start when the schema is behind. */
  migrateOnStart: boolean;
  /** SIGTERM: how long to keep serving (with /readyz 503) before refusing new connections. */
  shutdownDrainMs: number;
  /** SIGTERM: how long in-flight requests may take after that before the exit is forced (code 1). */
  shutdownTimeoutMs: number;
  dataDir: string;
  port: number;
  host: string;
  publicBaseUrl: string;
  shareTokenSecret: string;
  adminToken: string;
  redisUrl: string | undefined;
  rateLimitPerMinute: number;
  publicRateLimitPerMinute: number;
  /** Failed API-key, admin-token and session authentications per client IP per minute. */
  authFailureLimitPerMinute: number;
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: the peer is the client). */
  trustProxyHops: number;
  /** Days an expired share is kept before the retention job deletes it (its audit events stay). */
  expiredShareRetentionDays: number;
  /** Days an audit event is kept. */
  auditRetentionDays: number;
  /** Days a finished webhook delivery stays in the delivery log. */
  webhookDeliveryRetentionDays: number;
  /** UTC days of view-analytics visitor keys kept, today included (at least 2). */
  visitorKeyRetentionDays: number;
  /**
   * JOB_MAINTENANCE_INTERVAL_SECONDS (default 120): how often the job queue's
   * maintenance runs. It fails the jobs that outlived their expiry (a job
   * whose worker died: `kill -9`, a lost machine), so their retry is queued,
   * within this long after they expire.
   */
  jobMaintenanceIntervalSeconds: number;
  /**
   * PUBLIC_PAGE_CACHE_MB (default 192 on PostgreSQL, 16 embedded; 0 keeps none):
   * the bytes of rendered public pages this instance keeps (docs/operations.md).
   */
  publicPageCacheBytes: number;
  /** WEBHOOK_ALLOW_PRIVATE_URLS=true: webhook endpoints may be http(s) to loopback (never other private addresses). */
  webhookAllowPrivateUrls: boolean;
  /** SMTP_URL (nodemailer's URL form): owners get an email with each expiry reminder. Unset: no emails. */
  smtpUrl: string | undefined;
  /** SMTP_FROM: the reminders' From; default `sharelinks <no-reply@host of PUBLIC_BASE_URL>`. */
  smtpFrom: string;
  /** A separate listener serving only /metrics (off when unset). */
  metricsPort: number | undefined;
  /** Bearer token for /metrics: on the main port it is served only when this is set. */
  metricsToken: string | undefined;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  production: boolean;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

interface EmbeddedSecrets {
  shareTokenSecret: string;
  adminToken: string;
  demoApiKey?: string;
}

const secretsFile = (dataDir: string) => path.join(dataDir, "secrets.json");

/** Embedded mode only: secrets are generated on first start and reused after, so links survive restarts. */
export const loadEmbeddedSecrets = (dataDir: string): EmbeddedSecrets => {
  mkdirSync(dataDir, { recursive: true });
  try {
    return JSON.parse(readFileSync(secretsFile(dataDir), "utf8")) as EmbeddedSecrets;
  } catch {
    const fresh: EmbeddedSecrets = {
      shareTokenSecret: randomBytes(32).toString("base64url"),
      adminToken: `adm_${randomBytes(24).toString("base64url")}`,
    };
    saveEmbeddedSecrets(dataDir, fresh);
    return fresh;
  }
};

export const saveEmbeddedSecrets = (dataDir: string, secrets: EmbeddedSecrets) => {
  writeFileSync(secretsFile(dataDir), `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
};

/**
 * A variable set to nothing (`RATE_LIMIT_PER_MINUTE=`, as a copied .env.example
 * leaves it) is unset, as .env.example says: without this, a number would read
 * "" as 0 and refuse the start.
 */
const withoutEmpty = (env: Record<string, string | undefined>) => {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== "") kept[key] = value;
  }
  return kept;
};

export const loadConfig = (env: Record<string, string | undefined> = process.env): AppConfig => {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const embedded = e.DATABASE_URL === undefined || !e.DATABASE_URL.startsWith("postgres");
  const dataDir = path.resolve(e.DATA_DIR ?? ".data");

  let shareTokenSecret = e.SHARE_TOKEN_SECRET;
  let adminToken = e.ADMIN_TOKEN;
  if (embedded && (!shareTokenSecret || !adminToken)) {
    const kept = loadEmbeddedSecrets(dataDir);
    shareTokenSecret ??= kept.shareTokenSecret;
    adminToken ??= kept.adminToken;
  }
  const missing = [!shareTokenSecret && "SHARE_TOKEN_SECRET", !adminToken && "ADMIN_TOKEN"].filter(Boolean);
  if (missing.length > 0 || !shareTokenSecret || !adminToken) {
    throw new ConfigError(
      `${missing.join(" and ")} must be set when DATABASE_URL points at PostgreSQL (only embedded mode generates secrets).`,
    );
  }

  if (embedded && e.DATABASE_REPLICA_URL !== undefined) {
    throw new ConfigError(
      "DATABASE_REPLICA_URL needs DATABASE_URL to point at PostgreSQL (a replica of it).",
    );
  }

  const host = e.HOST ?? "0.0.0.0";
  return {
    embedded,
    databaseUrl: e.DATABASE_URL,
    database: {
      directUrl: e.DIRECT_DATABASE_URL,
      pooler: e.DATABASE_POOLER,
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      deadlineMs: e.DATABASE_DEADLINE_MS,
      transactionDeadlineMs: e.DATABASE_TRANSACTION_DEADLINE_MS,
      replicaUrl: e.DATABASE_REPLICA_URL,
      replicaMaxLagMs: e.REPLICA_MAX_LAG_MS,
      replicaCheckIntervalMs: e.REPLICA_CHECK_INTERVAL_MS,
    },
    migrateOnStart: e.MIGRATE_ON_START !== "false",
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    dataDir,
    port: e.PORT,
    host,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    shareTokenSecret,
    adminToken,
    redisUrl: e.REDIS_URL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    authFailureLimitPerMinute: e.AUTH_FAILURE_LIMIT_PER_MINUTE,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    expiredShareRetentionDays: e.EXPIRED_SHARE_RETENTION_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    webhookDeliveryRetentionDays: e.WEBHOOK_DELIVERY_RETENTION_DAYS,
    visitorKeyRetentionDays: e.VISITOR_KEY_RETENTION_DAYS,
    jobMaintenanceIntervalSeconds: e.JOB_MAINTENANCE_INTERVAL_SECONDS,
    publicPageCacheBytes:
      (e.PUBLIC_PAGE_CACHE_MB ??
        (embedded ? DEFAULT_PUBLIC_PAGE_CACHE_MB.embedded : DEFAULT_PUBLIC_PAGE_CACHE_MB.postgres)) *
      1024 *
      1024,
    webhookAllowPrivateUrls: e.WEBHOOK_ALLOW_PRIVATE_URLS === "true",
    smtpUrl: e.SMTP_URL,
    smtpFrom:
      e.SMTP_FROM ?? `sharelinks <no-reply@${new URL(e.PUBLIC_BASE_URL ?? "http://localhost").hostname}>`,
    metricsPort: e.METRICS_PORT,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
  };
};
