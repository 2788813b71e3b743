import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CreateDbOptions,
  createDb,
  createServices,
  type Database,
  type ReplicaState,
  type Services,
  seedDemo,
} from "@sharelinks/db";
import { type AppConfig, ConfigError, loadEmbeddedSecrets, saveEmbeddedSecrets } from "./env";
import { type OpenReplica, openReplica } from "./replica";
import { systemResolver } from "./webhooks";

export interface DemoSignIn {
  email: string;
  password: string;
  apiKey: string | null;
}

export interface Bootstrapped {
  db: Database;
  services: Services;
  /** DATABASE_REPLICA_URL's reads, when set (close it before the database). */
  replica: OpenReplica | null;
  /** Embedded mode only: what the start line prints so a newcomer can sign in at once. */
  demo: DemoSignIn | null;
}

/**
 * The migrated PGlite data directory `pnpm build` writes beside the bundled
 * server (scripts/bundle-server.mjs); from server/ or dist/ alike it is
 * <app>/dist/pglite-image. A first embedded start copies it instead of running initdb.
 */
export const PGLITE_IMAGE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../dist/pglite-image",
);

/** The PostgreSQL pool settings of the configuration, as createDb takes them. */
export const dbOptionsOf = ({ database }: AppConfig): CreateDbOptions => ({
  pooler: database.pooler,
  maxConnections: database.poolSize,
  statementTimeoutMs: database.statementTimeoutMs,
  deadlineMs: database.deadlineMs,
  transactionDeadlineMs: database.transactionDeadlineMs,
  ...(database.directUrl !== undefined && { directUrl: database.directUrl }),
});

/** Opens the database, applies migrations, and in embedded mode seeds demo data once. */
export interface BootstrapOptions {
  /** The read replica started or stopped being used (the log says so). */
  onReplicaChange?: (state: ReplicaState) => void;
  /** The migration's progress at start ("waiting for the migration lock", "applied ..."). */
  onMigrateLog?: (message: string, fields: Record<string, unknown>) => void;
}

export const bootstrap = async (config: AppConfig, options: BootstrapOptions = {}): Promise<Bootstrapped> => {
  const db = await createDb(config.databaseUrl, {
    dataDir: path.join(config.dataDir, "pglite"),
    pgliteImage: PGLITE_IMAGE_DIR,
    ...dbOptionsOf(config),
  });
  if (config.migrateOnStart || config.embedded)
    await db.migrate(options.onMigrateLog ? { log: options.onMigrateLog } : {});
  else {
    // MIGRATE_ON_START=false: no DDL here (a DML-only role is enough); the
    // deploy's migrate step must have run first.
    const { pending } = await db.schemaStatus();
    if (pending.length > 0) {
      await db.close();
      throw new ConfigError(
        `The database schema is behind this build (${pending.length} migration(s) pending: ${pending.join(", ")}). Run the migrate step first (npm run db:migrate, or node cli.mjs migrate in the production bundle, with DIRECT_DATABASE_URL or DATABASE_URL), or start with MIGRATE_ON_START=true.`,
      );
    }
  }
  const replica = await openReplica(config, db, options.onReplicaChange);
  const services = createServices(db, {
    tokenSecret: config.shareTokenSecret,
    ...(replica && { replica: replica.reads.shares }),
    webhookUrlPolicy: { allowPrivate: config.webhookAllowPrivateUrls },
    webhookResolver: systemResolver,
  });
  if (!config.embedded) return { db, services, replica, demo: null };

  const seed = await seedDemo(services);
  const kept = loadEmbeddedSecrets(config.dataDir);
  // The plaintext demo key exists only at seeding time (the database keeps a hash).
  // It is kept beside the other embedded-mode secrets so every start can print it.
  if (seed.apiKey) saveEmbeddedSecrets(config.dataDir, { ...kept, demoApiKey: seed.apiKey });
  return {
    db,
    services,
    replica,
    demo: { email: seed.email, password: seed.password, apiKey: seed.apiKey ?? kept.demoApiKey ?? null },
  };
};
