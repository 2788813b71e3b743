import {
  type AccountDeps,
  type AnalyticsDeps,
  type Clock,
  createAesGcmTokenCipher,
  cryptoRandom,
  type IdempotencyDeps,
  type PasswordHasher,
  type ProvisioningDeps,
  type PublicReadDeps,
  type RandomSource,
  type RetentionDeps,
  type ShareDeps,
  systemClock,
  type ViewSink,
  type WebhookDeps,
  type WebhookUrlPolicy,
} from "@sharelinks/core";
import type { Database } from "./client";
import { createJobSlot, type JobSlot } from "./jobs/job-slot";
import { createArgon2PasswordHasher } from "./passwords";
import { DrizzleAccountRepository } from "./repositories/account-repository";
import { DrizzleAnalyticsRepository } from "./repositories/analytics-repository";
import { DrizzleIdempotencyStore } from "./repositories/idempotency-store";
import { DrizzleResourceCatalog } from "./repositories/resource-catalog";
import { DrizzleRetentionStore } from "./repositories/retention-store";
import { DrizzleShareRepository } from "./repositories/share-repository";
import { DrizzleViewSink } from "./repositories/view-sink";
import { DrizzleWebhookRepository } from "./repositories/webhook-repository";
import { firstViewWebhook } from "./repositories/webhook-scan";

/**
 * Core's use cases, wired to this database. REST, tRPC and the web app all
 * take their dependencies from here, so every entry point shares one set of
 * repositories (and one connection pool).
 */
export interface Services {
  db: Database;
  shares: ShareDeps;
  accounts: AccountDeps;
  provisioning: ProvisioningDeps;
  publicRead: PublicReadDeps;
  /** The retention job's store (jobs: maintenance.retention). */
  retention: RetentionDeps;
  /** View analytics and the activity timeline (reads). */
  analytics: AnalyticsDeps;
  /** Where the view recorder flushes. */
  viewSink: ViewSink;
  /** Webhook endpoints (managers' use cases); the same repository is the delivery worker's store. */
  webhooks: WebhookDeps & { webhooks: DrizzleWebhookRepository };
  /** `Idempotency-Key` of /v1 writes: the keys and their kept (encrypted) answers. */
  idempotency: IdempotencyDeps;
  /** The job queue, once the server binds it (`startJobs`): outbox relay, delivery jobs, manual retries. */
  jobs: JobSlot;
}

export interface ServicesOptions {
  /** SHARE_TOKEN_SECRET: the AES-256-GCM key (via sha256) that lets owners see their link again. */
  tokenSecret: string;
  clock?: Clock;
  random?: RandomSource;
  /** Defaults to argon2id at production cost; tests pass a cheaper one. */
  passwords?: PasswordHasher;
  /** WEBHOOK_ALLOW_PRIVATE_URLS (dev and tests only); default: https to public addresses only. */
  webhookUrlPolicy?: WebhookUrlPolicy;
  /** Create-time DNS check of webhook URLs (the sender checks at every attempt too). */
  webhookResolver?: WebhookDeps["resolver"];
  /** DATABASE_REPLICA_URL's reads (replica-reads.ts): the public read asks it first. */
  replica?: PublicReadDeps["replica"];
}

/** Kept answers of idempotent requests are encrypted under their own label (they may hold a share URL or a key). */
export const idempotentResponseCipher = (tokenSecret: string) =>
  createAesGcmTokenCipher(`idempotent-responses:${tokenSecret}`);

/** The webhook signing secrets' key is derived under its own label, never equal to the token key. */
export const webhookSecretCipher = (tokenSecret: string) =>
  createAesGcmTokenCipher(`webhook-signing-secrets:${tokenSecret}`);

export const createServices = (db: Database, options: ServicesOptions): Services => {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandom;
  const shareRepository = new DrizzleShareRepository(db);
  const catalog = new DrizzleResourceCatalog(db);
  const jobs = createJobSlot();
  const accounts: AccountDeps = {
    accounts: new DrizzleAccountRepository(db),
    passwords: options.passwords ?? createArgon2PasswordHasher(),
    clock,
    random,
  };
  return {
    db,
    shares: {
      shares: shareRepository,
      resources: catalog,
      clock,
      random,
      tokenCipher: createAesGcmTokenCipher(options.tokenSecret),
      passwords: accounts.passwords,
    },
    accounts,
    provisioning: { ...accounts, catalog },
    publicRead: {
      shares: shareRepository,
      clock,
      passwords: accounts.passwords,
      ...(options.replica && { replica: options.replica }),
    },
    retention: { store: new DrizzleRetentionStore(db), clock },
    analytics: { shares: shareRepository, analytics: new DrizzleAnalyticsRepository(db), clock },
    viewSink: new DrizzleViewSink(db, firstViewWebhook),
    webhooks: {
      webhooks: new DrizzleWebhookRepository(db, jobs),
      clock,
      random,
      secretCipher: webhookSecretCipher(options.tokenSecret),
      urlPolicy: options.webhookUrlPolicy ?? { allowPrivate: false },
      ...(options.webhookResolver && { resolver: options.webhookResolver }),
    },
    idempotency: {
      store: new DrizzleIdempotencyStore(db),
      clock,
      random,
      cipher: idempotentResponseCipher(options.tokenSecret),
    },
    jobs,
  };
};
