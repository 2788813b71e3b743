import { existsSync, readdirSync } from "node:fs";
import { chmod, cp, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migratePgliteClient } from "./migrate";

/**
 * PGlite's own start parameters with a 16 MB buffer cache instead of initdb's
 * 128 MB. Inside WebAssembly the cache is ordinary heap that, once touched,
 * never goes back to the OS: at 128 MB it was about 140 MB of the embedded
 * server's resident memory, for databases that fit in a few megabytes.
 */
export const PGLITE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams,
  "-c",
  "shared_buffers=16MB",
];

const hasDatabase = (dataDir: string) => existsSync(path.join(dataDir, "PG_VERSION"));
const isMissingOrEmpty = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Writes a fresh, migrated PGlite data directory to `dir` (replacing it). The
 * build ships one so that a first start copies files instead of running initdb:
 * initdb starts a second WebAssembly Postgres beside the first and took the
 * server to about 840 MB of resident memory it never gave back.
 */
export const buildPgliteImage = async (dir: string): Promise<void> => {
  const draft = `${dir}.${process.pid}.partial`;
  await rm(draft, { recursive: true, force: true });
  const client = await PGlite.create({ dataDir: draft, startParams: [...PGLITE_START_PARAMS] });
  try {
    await migratePgliteClient(client);
  } finally {
    await client.close();
  }
  await rm(dir, { recursive: true, force: true });
  await rename(draft, dir);
};

/**
 * Owner-only, as initdb leaves a data directory. The production bundle's image
 * is readable by everyone (its files belong to whoever installed them, the
 * server runs as another user), so a copy must not keep the image's modes.
 */
const makePrivate = async (dir: string): Promise<void> => {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await makePrivate(full);
    else await chmod(full, 0o600);
  }
};

/**
 * Puts a copy of `image` at `dataDir` when `dataDir` is missing or empty, and
 * says whether it did (anything else is left to PGlite). Copied aside and
 * renamed into place, so an interrupted copy never looks like a database.
 */
export const copyPgliteImage = async (image: string, dataDir: string): Promise<boolean> => {
  if (!isMissingOrEmpty(dataDir) || !hasDatabase(image)) return false;
  const draft = `${dataDir}.${process.pid}.partial`;
  await rm(draft, { recursive: true, force: true });
  await cp(image, draft, { recursive: true });
  await makePrivate(draft);
  await rm(dataDir, { recursive: true, force: true });
  await rename(draft, dataDir);
  return true;
};
