import type { DbObserver, JobOutcome, PoolStats } from "@sharelinks/db";
import type { RequestContext } from "@sharelinks/edge";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { RenderedPageStats } from "../rendered-pages";

/** What the gauges read at scrape time. */
export interface MetricSources {
  inFlight(): number;
  /** The PostgreSQL pool's state (undefined on embedded PGlite). */
  pool(): PoolStats | undefined;
  /** Redis is configured but unreachable: rate limits count in process memory. */
  redisFallbackActive(): boolean;
  /** The rendered public pages kept (server/rendered-pages.ts). */
  renderedPages(): RenderedPageStats;
}

export interface ServerMetrics {
  readonly registry: Registry;
  /** Front door hook: one observation per answered request. */
  onResponseFinished(context: RequestContext): void;
  /** Rate-limit store hook. */
  onRateLimitRejected(limiter: string): void;
  /** Job queue hook. */
  onJobFinished(queue: string, outcome: JobOutcome, durationMs: number): void;
  /** The database layer's events (install with `observeDb`). */
  readonly db: DbObserver;
  /** Connects the gauges to what they read; until then they read 0. */
  watch(sources: MetricSources): void;
}

/** The public reads, by the route template their surface set. */
const PUBLIC_READ_ROUTES: Record<string, string> = { "/v1/shared/{token}": "api", "/shared/{token}": "page" };
const PUBLIC_OUTCOMES = new Set([200, 404, 410, 429]);
/** Methods kept as label values; anything else a client invents is `OTHER`. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Every series the service exports. Labels are bounded by construction: a
 * route is the template a surface set (`/v1/shared/{token}`), never a raw
 * path, and a request no route claimed is `(unmatched)` or, for the
 * dashboard's pages and assets, `(next)`. So a token in a URL can never
 * become a label value.
 */
export const createServerMetrics = (): ServerMetrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let sources: MetricSources | null = null;

  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from a request's arrival to its response being written, by route template and status class.",
    labelNames: ["method", "route", "status_class", "surface"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "http_requests_in_flight",
    help: "Requests taken in and not yet answered.",
    registers: [registry],
    collect() {
      this.set(sources?.inFlight() ?? 0);
    },
  });
  const publicReads = new Counter({
    name: "sharelinks_public_reads_total",
    help: "Public reads of shared links (API and page) by outcome: 200, 404, 410, 429 or other.",
    labelNames: ["surface", "outcome"] as const,
    registers: [registry],
  });
  const shareEvents = new Counter({
    name: "sharelinks_share_events_total",
    help: "Share audit events committed, by type.",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  const rejections = new Counter({
    name: "sharelinks_rate_limit_rejections_total",
    help: "Requests refused with 429 by a rate limiter, by limiter.",
    labelNames: ["limiter"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "sharelinks_db_pool_in_use",
    help: "PostgreSQL pool connections busy with a query or a transaction.",
    registers: [registry],
    collect() {
      this.set(sources?.pool()?.inUse ?? 0);
    },
  });
  new Gauge({
    name: "sharelinks_db_pool_waiting",
    help: "Queries and transactions waiting for a free PostgreSQL pool connection.",
    registers: [registry],
    collect() {
      this.set(sources?.pool()?.waiting ?? 0);
    },
  });
  new Gauge({
    name: "sharelinks_db_pool_size",
    help: "PostgreSQL pool size (0 on embedded PGlite).",
    registers: [registry],
    collect() {
      this.set(sources?.pool()?.size ?? 0);
    },
  });
  const dbErrors = new Counter({
    name: "sharelinks_db_errors_total",
    help: "Database errors by class: unavailable, serialization, data, constraint, other.",
    labelNames: ["class"] as const,
    registers: [registry],
  });
  const retries = new Counter({
    name: "sharelinks_db_transaction_retries_total",
    help: "Transactions run again after a serialization failure or deadlock.",
    registers: [registry],
  });
  new Gauge({
    name: "sharelinks_redis_fallback_active",
    help: "1 while Redis is configured but unreachable and rate limits count in process memory.",
    registers: [registry],
    collect() {
      this.set(sources?.redisFallbackActive() ? 1 : 0);
    },
  });
  new Gauge({
    name: "sharelinks_public_page_cache_bytes",
    help: "Bytes of rendered public pages kept (PUBLIC_PAGE_CACHE_MB bounds it).",
    registers: [registry],
    collect() {
      this.set(sources?.renderedPages().bytes ?? 0);
    },
  });
  // Counted by the cache; each scrape adds what happened since the last one.
  const reported = { hit: 0, miss: 0 };
  new Counter({
    name: "sharelinks_public_page_renders_total",
    help: "Public page answers for a link, by whether a kept render served them (hit) or the page was rendered (miss).",
    labelNames: ["cache"] as const,
    registers: [registry],
    collect() {
      const stats = sources?.renderedPages();
      if (stats === undefined) return;
      this.inc({ cache: "hit" }, stats.hits - reported.hit);
      this.inc({ cache: "miss" }, stats.misses - reported.miss);
      reported.hit = stats.hits;
      reported.miss = stats.misses;
    },
  });
  const jobs = new Histogram({
    name: "sharelinks_job_duration_seconds",
    help: "Background jobs this instance ran, by queue and outcome.",
    labelNames: ["queue", "outcome"] as const,
    buckets: [0.05, 0.25, 1, 5, 30, 120, 600],
    registers: [registry],
  });

  return {
    registry,
    onResponseFinished(context) {
      const route = context.route ?? (context.surface === "next" ? "(next)" : "(unmatched)");
      duration.observe(
        {
          method: METHODS.has(context.method) ? context.method : "OTHER",
          route,
          status_class: `${Math.floor(context.status / 100)}xx`,
          surface: context.surface,
        },
        context.elapsedMs() / 1000,
      );
      const publicSurface = context.route === null ? undefined : PUBLIC_READ_ROUTES[context.route];
      if (publicSurface !== undefined) {
        publicReads.inc({
          surface: publicSurface,
          outcome: PUBLIC_OUTCOMES.has(context.status) ? String(context.status) : "other",
        });
      }
    },
    onRateLimitRejected(limiter) {
      rejections.inc({ limiter });
    },
    onJobFinished(queue, outcome, durationMs) {
      jobs.observe({ queue, outcome }, durationMs / 1000);
    },
    db: {
      error: (kind) => dbErrors.inc({ class: kind }),
      transactionRetry: () => retries.inc(),
      shareEvent: (type) => shareEvents.inc({ type }),
    },
    watch(next) {
      sources = next;
    },
  };
};
