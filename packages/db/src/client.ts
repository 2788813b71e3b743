import type { SQL } from "drizzle-orm";
import type { CreateDbOptions, Database } from "./database";
import { createPgliteDb } from "./pglite-db";
import { createPostgresDb } from "./postgres-db";

export type { CreateDbOptions, Database, DatabaseKind, Orm, PoolerMode, Schema } from "./database";
export { DATABASE_DEFAULTS } from "./database";
export { createPgliteDb } from "./pglite-db";

export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

/**
 * Which database a URL means: `postgres://` and `postgresql://` a server;
 * nothing, `memory://`, `file://path` or a bare path embedded PGlite.
 */
export const resolveTarget = (url: string | undefined, dataDir?: string): DatabaseTarget => {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dataDir: dataDir ?? null };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: "postgres", url: value };
  if (value === "memory://" || value === "memory:") return { kind: "pglite", dataDir: null };
  if (value.startsWith("file://")) return { kind: "pglite", dataDir: value.slice("file://".length) };
  if (!value.includes("://")) return { kind: "pglite", dataDir: value };
  throw new Error(
    `Unsupported database URL scheme in "${value.split("://")[0]}://..."; use postgres://, memory:// or file://`,
  );
};

export const createDb = async (url?: string, options: CreateDbOptions = {}): Promise<Database> => {
  const target = resolveTarget(url, options.dataDir);
  return target.kind === "postgres"
    ? createPostgresDb(target.url, options)
    : createPgliteDb(target.dataDir, {}, options.pgliteImage);
};

/** `select 1`-style raw SQL through drizzle returns a driver-specific shape; this flattens it to rows. */
export const executeRows = async <T extends Record<string, unknown>>(
  db: Pick<Database, "orm">,
  query: SQL,
): Promise<T[]> => {
  const result = (await db.orm.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
};
