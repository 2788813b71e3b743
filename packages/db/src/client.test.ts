import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createBrand, DomainError } from "@sharelinks/core";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, createPgliteDb, resolveTarget } from "./client";
import { createServices } from "./services";
import { migratedPgliteImage, TEST_TOKEN_SECRET } from "./testing";

describe("resolveTarget", () => {
  it("maps URLs to a driver", () => {
    expect(resolveTarget(undefined)).toEqual({ kind: "pglite", dataDir: null });
    expect(resolveTarget("", "./.data")).toEqual({ kind: "pglite", dataDir: "./.data" });
    expect(resolveTarget("memory://")).toEqual({ kind: "pglite", dataDir: null });
    expect(resolveTarget("file:///var/lib/sharelinks")).toEqual({
      kind: "pglite",
      dataDir: "/var/lib/sharelinks",
    });
    expect(resolveTarget("./.data/pg")).toEqual({ kind: "pglite", dataDir: "./.data/pg" });
    expect(resolveTarget("postgres://u@h:5432/db")).toEqual({
      kind: "postgres",
      url: "postgres://u@h:5432/db",
    });
    expect(resolveTarget("postgresql://u@h/db")).toEqual({ kind: "postgres", url: "postgresql://u@h/db" });
    expect(() => resolveTarget("mysql://u@h/db")).toThrow(/Unsupported/);
  });
});

describe("embedded PGlite on disk", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("keeps data across restarts and refuses a second opener of the same directory", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sharelinks-db-"));
    dirs.push(root);
    const dataDir = path.join(root, "pglite");

    // Started from the migrated image to skip a 7 s initdb; the restart below is createDb's own path.
    const first = await createPgliteDb(dataDir, { loadDataDir: await migratedPgliteImage() });
    try {
      await first.migrate();
      await first.ping();
      await createBrand(createServices(first, { tokenSecret: TEST_TOKEN_SECRET }).provisioning, {
        name: "Durable",
      });
      await expect(createDb(undefined, { dataDir })).rejects.toThrow(/already in use/);
    } finally {
      await first.close();
    }

    const second = await createDb(`file://${dataDir}`);
    try {
      await second.migrate();
      const brands = await second.orm.query.brands.findMany();
      expect(brands.map((b) => b.name)).toEqual(["Durable"]);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe("an unreachable PostgreSQL", () => {
  it("answers service_unavailable quickly instead of hanging", async () => {
    // Nothing listens on port 1: connections are refused at once.
    const db = await createDb("postgres://postgres@127.0.0.1:1/nowhere", { connectTimeoutSeconds: 1 });
    const services = createServices(db, { tokenSecret: TEST_TOKEN_SECRET });
    const started = Date.now();
    try {
      const attempts: (() => Promise<unknown>)[] = [
        () => db.ping(),
        () => services.shares.shares.findById(crypto.randomUUID()),
        () => services.publicRead.shares.findPublicByTokenHash("x"),
        () =>
          services.shares.shares.transaction((tx) =>
            tx.countActive({ type: "report", id: crypto.randomUUID() }, new Date()),
          ),
        () => db.migrate(),
      ];
      for (const attempt of attempts) {
        const error = await attempt().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: "service_unavailable", details: { retry_after: 1 } });
      }
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await db.close();
    }
  });
});
