import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createServerDatabase, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, SHARE_TOKEN_SECRET } from "./support/server";

const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(APP_DIR, "dist", "cli.mjs");

/** The production bundle's CLI, run the way an operator would: `node dist/cli.mjs <command>`. */
const cli = (args: string[], env: Record<string, string | undefined>, input = "") => {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.REDIS_URL;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: APP_DIR,
    env: { ...clean, ...env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe("the bundled onboarding CLI (node dist/cli.mjs)", () => {
  beforeAll(() => {
    if (!existsSync(CLI))
      throw new Error("dist/cli.mjs is missing: run `pnpm --filter @sharelinks/web build`");
  });

  it("lists its commands", () => {
    const help = cli(["--help"], {});
    expect(help.code).toBe(0);
    for (const name of ["create-brand", "create-user", "create-api-key", "demo-data"]) {
      expect(help.stdout).toContain(name);
    }
  });

  describe.each(testDatabaseKinds())("on %s", (kind) => {
    let env: Record<string, string | undefined>;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      if (kind === "postgres") {
        const database = await createServerDatabase({ migrated: true });
        env = { DATABASE_URL: database.url, SHARE_TOKEN_SECRET, ADMIN_TOKEN };
        drop = database.drop;
      } else {
        const dataDir = mkdtempSync(path.join(tmpdir(), "sharelinks-cli-bundle-"));
        env = { DATA_DIR: dataDir };
        drop = async () => rmSync(dataDir, { recursive: true, force: true });
      }
    });
    afterAll(async () => {
      await drop?.();
    });

    it("creates a brand, a user with a password from stdin, and an API key", () => {
      const brand = cli(["create-brand", "--name", "Bundled"], env);
      expect(brand.stderr).toContain('Created brand "Bundled"');
      expect(brand.code).toBe(0);
      const user = cli(
        ["create-user", "--brand", brand.stdout.trim(), "--email", "ops@bundled.test", "--role", "manager"],
        env,
        "a long enough password\n",
      );
      expect(user.stderr).toContain("Created manager ops@bundled.test");
      expect(user.code).toBe(0);
      const key = cli(["create-api-key", "--email", "ops@bundled.test"], env);
      expect(key.code).toBe(0);
      expect(key.stdout.trim()).toMatch(/^slk_[A-Za-z0-9_-]{43}$/);
    });
  });
});
