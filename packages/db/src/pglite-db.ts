import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { acquireDataDirLock } from "./data-dir-lock";
import type { Database } from "./database";
import { dbTracingEnabled, tracePglite } from "./db-tracing";
import { runMigrations, schemaStatus } from "./migrate";
import { guarded } from "./pg-errors";
import { copyPgliteImage, PGLITE_START_PARAMS } from "./pglite-image";
import type { RawRow } from "./raw-sql";
import * as schema from "./schema";

/**
 * Embedded PGlite; `extra` lets tests start from a prepared data directory
 * image (`loadDataDir`), `image` is a directory copied into an empty `dataDir`.
 */
export const createPgliteDb = async (
  dataDir: string | null,
  extra: PGliteOptions = {},
  image?: string,
): Promise<Database> => {
  // PGlite is Postgres in single-user mode: two processes on one directory
  // corrupt it, so a second one is refused with a clear message.
  const lock = dataDir ? await acquireDataDirLock(dataDir) : null;
  let client: PGlite;
  try {
    if (dataDir && image) await copyPgliteImage(image, dataDir);
    client = await PGlite.create({
      startParams: [...PGLITE_START_PARAMS],
      ...extra,
      dataDir: dataDir ?? "memory://",
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  if (dbTracingEnabled()) tracePglite(client as never);
  const orm = drizzlePglite({ client, schema });
  return {
    kind: "pglite",
    orm,
    // `client.transaction` is the traced one when tracing is on.
    rawTransaction: (work) =>
      client.transaction((tx) =>
        work(async (text, params) => (await tx.query<RawRow>(text, params as unknown[])).rows),
      ),
    ping: () => guarded(async () => void (await client.query("select 1"))),
    migrate: (options) => runMigrations(orm, options),
    schemaStatus: () => schemaStatus(orm),
    // One in-process connection: nothing can hang on a network.
    wedged: () => false,
    async close() {
      // PGlite must be closed before the process exits or the data dir may be left dirty.
      if (!client.closed) await client.close();
      await lock?.release();
    },
  };
};
