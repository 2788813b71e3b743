import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface DataDirLock {
  release(): Promise<void>;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

// Lock files this process holds. A lock file naming our own pid that is not in
// here was left by an earlier process that happened to get the same pid
// (typical in containers, where the app is always pid 1).
const held = new Set<string>();

/**
 * A pid file beside the PGlite data directory (`<dir>.lock`, not inside it:
 * the directory itself belongs to Postgres). A lock left by a dead process is
 * taken over; one held by a live process, this one included, is refused.
 * Best effort: it guards against the common mistake (a second server or a
 * script started on the same directory), not against a determined race.
 */
export const acquireDataDirLock = async (dataDir: string): Promise<DataDirLock> => {
  const dir = path.resolve(dataDir);
  await mkdir(path.dirname(dir), { recursive: true });
  const lockPath = `${dir}.lock`;

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written aside, then linked into place: the lock file appears with its
      // pid already in it, and link() fails if another process got there first.
      const draft = `${lockPath}.${process.pid}`;
      await writeFile(draft, String(process.pid));
      try {
        await link(draft, lockPath);
      } finally {
        await rm(draft, { force: true });
      }
      held.add(lockPath);
      return {
        async release() {
          if (!held.delete(lockPath)) return;
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
      const ours = holder === process.pid && held.has(lockPath);
      if (ours || (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder))) {
        throw new Error(
          `The embedded database at ${dir} is already in use by process ${holder}. ` +
            "PGlite allows one process per data directory: stop the other one, or set DATABASE_URL to use PostgreSQL.",
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dir} (lock file ${lockPath})`);
};
