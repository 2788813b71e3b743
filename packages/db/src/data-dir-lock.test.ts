import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./data-dir-lock";

describe("PGlite data directory lock", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "sharelinks-lock-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("is exclusive while held and free again once released", async () => {
    const dir = path.join(root, "a");
    const lock = await acquireDataDirLock(dir);
    expect(await readFile(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    await expect(acquireDataDirLock(dir)).rejects.toThrow(/already in use by process/);
    await lock.release();
    await (await acquireDataDirLock(dir)).release();
  });

  it("takes over a lock left by a process that is gone, or by an earlier holder of our pid", async () => {
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const dir = path.join(root, "b");
    await writeFile(`${dir}.lock`, String(deadPid));
    await (await acquireDataDirLock(dir)).release();

    // A restarted container gets the same pid as the crashed one.
    await writeFile(`${dir}.lock`, String(process.pid));
    await (await acquireDataDirLock(dir)).release();
  });

  it("refuses a lock held by another live process", async () => {
    const dir = path.join(root, "c");
    await writeFile(`${dir}.lock`, String(process.ppid));
    await expect(acquireDataDirLock(dir)).rejects.toThrow(String(process.ppid));
  });
});
