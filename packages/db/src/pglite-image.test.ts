import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createBrand } from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, executeRows } from "./client";
import { buildPgliteImage, copyPgliteImage } from "./pglite-image";
import { createServices } from "./services";
import { TEST_TOKEN_SECRET } from "./testing";

describe("the shipped PGlite image", () => {
  let root: string;
  let image: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "sharelinks-image-"));
    image = path.join(root, "image");
    await buildPgliteImage(image);
  }, 120_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("is a migrated data directory, with no draft left beside it", async () => {
    expect(existsSync(path.join(image, "PG_VERSION"))).toBe(true);
    expect((await readdir(root)).filter((name) => name.includes(".partial"))).toEqual([]);
  });

  it("starts an empty data directory as a migrated database, then keeps its data on restart", async () => {
    const dataDir = path.join(root, "first", "pglite");
    const first = await createDb(undefined, { dataDir, pgliteImage: image });
    try {
      const applied = await executeRows<{ n: number }>(
        first,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]?.n).toBeGreaterThan(0);
      const [buffers] = await executeRows<{ shared_buffers: string }>(first, sql`show shared_buffers`);
      expect(buffers?.shared_buffers).toBe("16MB");
      await first.migrate();
      await createBrand(createServices(first, { tokenSecret: TEST_TOKEN_SECRET }).provisioning, {
        name: "Kept",
      });
    } finally {
      await first.close();
    }

    // The image is only for an empty directory: a restart opens what is there.
    expect(await copyPgliteImage(image, dataDir)).toBe(false);
    const second = await createDb(undefined, { dataDir, pgliteImage: image });
    try {
      const brands = await second.orm.query.brands.findMany();
      expect(brands.map((b) => b.name)).toEqual(["Kept"]);
    } finally {
      await second.close();
    }
  }, 60_000);

  it("copies a world-readable image (the production bundle's, owned by its installer) as an owner-only directory", async () => {
    const shared = path.join(root, "shared-image");
    await mkdir(shared);
    await writeFile(path.join(shared, "PG_VERSION"), "17\n");
    await mkdir(path.join(shared, "base"));
    await writeFile(path.join(shared, "base", "1"), "data");
    for (const [entry, mode] of [
      [shared, 0o755],
      [path.join(shared, "base"), 0o755],
      [path.join(shared, "PG_VERSION"), 0o644],
      [path.join(shared, "base", "1"), 0o644],
    ] as const)
      await chmod(entry, mode);

    const dataDir = path.join(root, "private", "pglite");
    expect(await copyPgliteImage(shared, dataDir)).toBe(true);
    const modeOf = async (entry: string) => (await stat(path.join(dataDir, entry))).mode & 0o777;
    expect(await Promise.all(["", "base", "PG_VERSION", "base/1"].map(modeOf))).toEqual([
      0o700, 0o700, 0o600, 0o600,
    ]);
  });

  it("leaves a non-empty directory that holds no database alone", async () => {
    const dataDir = path.join(root, "occupied");
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, "notes.txt"), "mine");
    expect(await copyPgliteImage(image, dataDir)).toBe(false);
    expect(await readdir(dataDir)).toEqual(["notes.txt"]);
  });

  it("does nothing when the image is missing", async () => {
    const dataDir = path.join(root, "no-image");
    expect(await copyPgliteImage(path.join(root, "nowhere"), dataDir)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });
});
