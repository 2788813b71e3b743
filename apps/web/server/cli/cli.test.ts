import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable, Writable } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import { authenticateApiKey, signIn } from "@sharelinks/core";
import { createDb, createServices, type Database } from "@sharelinks/db";
import { createServerDatabase, migratedPgliteImage, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "./io";
import { COMMANDS, runCli } from "./run";

const SECRETS = {
  SHARE_TOKEN_SECRET: "cli-test-share-token-secret-0123456789abcdef",
  ADMIN_TOKEN: "adm_cli_test_0123456789abcdefghij",
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const sink = () => {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
};

/**
 * A place the CLI can write to: a fresh, migrated PGlite data dir, or a fresh
 * migrated database on the server. The PGlite one is written from the test
 * run's migrated image (about 3 CPU-s) rather than left empty for the CLI's
 * first command: with no build's image (dist/pglite-image) beside the
 * server, that command would run initdb and every migration (about 15 CPU-s).
 * Migrating an empty DATA_DIR is the migrate test's own subject, below.
 */
const createTarget = async (kind: "pglite" | "postgres") => {
  if (kind === "pglite") {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sharelinks-cli-"));
    const seeded = await PGlite.create({
      dataDir: path.join(dataDir, "pglite"),
      loadDataDir: await migratedPgliteImage(),
    });
    await seeded.close();
    return {
      env: { DATA_DIR: dataDir },
      open: () => createDb(undefined, { dataDir: path.join(dataDir, "pglite") }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const database = await createServerDatabase({ migrated: true });
  return {
    env: { DATABASE_URL: database.url, ...SECRETS },
    open: () => createDb(database.url, { maxConnections: 1 }),
    drop: database.drop,
  };
};

describe("pnpm sharelinks --help", () => {
  const run = async (argv: string[]): Promise<Run> => {
    const out = sink();
    const err = sink();
    const io: CliIo = { env: {}, stdin: Readable.from([]), stdout: out.stream, stderr: err.stream };
    const code = await runCli(argv, io);
    return { code, stdout: out.text(), stderr: err.text() };
  };

  it("lists every command with its flags", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const name of ["migrate", "create-brand", "create-user", "create-api-key", "demo-data"]) {
      expect(stdout).toContain(name);
    }
    expect(COMMANDS.map((c) => c.name)).toEqual([
      "migrate",
      "create-brand",
      "create-user",
      "create-api-key",
      "demo-data",
    ]);
    expect(stdout).toContain("production bundle: node cli.mjs");
  });

  it("answers an unknown command and bad flags with usage and exit code 2, touching no database", async () => {
    const unknown = await run(["create-tenant"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "create-tenant"');
    expect(unknown.stderr).toContain("create-brand");
    const badFlag = await run(["create-brand", "--nme", "Acme"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--nme/);
    expect((await run([])).code).toBe(2);
  });
});

describe.each(testDatabaseKinds())("sharelinks migrate on %s", (kind) => {
  it("migrates an empty database once, then finds nothing to apply; the other commands then work", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sharelinks-cli-migrate-"));
    const database = kind === "postgres" ? await createServerDatabase({ migrated: false }) : null;
    const env = database ? { DATABASE_URL: database.url, ...SECRETS } : { DATA_DIR: dataDir };
    const run = async (argv: string[]): Promise<Run> => {
      const out = sink();
      const err = sink();
      const code = await runCli(argv, {
        env,
        stdin: Readable.from([]),
        stdout: out.stream,
        stderr: err.stream,
      });
      return { code, stdout: out.text(), stderr: err.text() };
    };
    try {
      const first = await run(["migrate"]);
      expect(first.code).toBe(0);
      // An empty server database gets every migration; a new embedded one
      // starts from the build's migrated image and gets only what is newer
      // than the image (nothing, right after a build).
      if (kind === "postgres") expect(first.stderr).toMatch(/Applied \d+ migration\(s\): 0000_/);
      else expect(first.stderr).toMatch(/Applied \d+ migration\(s\): \d{4}_|nothing to apply/);
      expect(first.stdout).toBe("");
      const again = await run(["migrate"]);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain("nothing to apply");
      const brand = await run(["create-brand", "--name", "Migrated Co"]);
      expect(brand.code).toBe(0);
      expect(brand.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabaseKinds())("the onboarding CLI on %s", (kind) => {
  let target: Awaited<ReturnType<typeof createTarget>>;

  beforeAll(async () => {
    target = await createTarget(kind);
  });
  afterAll(async () => {
    await target?.drop();
  });

  const run = async (argv: string[], stdin: CliIo["stdin"] = Readable.from([])): Promise<Run> => {
    const out = sink();
    const err = sink();
    const code = await runCli(argv, { env: target.env, stdin, stdout: out.stream, stderr: err.stream });
    return { code, stdout: out.text(), stderr: err.text() };
  };

  const withDb = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const db = await target.open();
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };

  let brandId = "";

  it("creates a brand and prints only its id on stdout", async () => {
    const result = await run(["create-brand", "--name", "Acme Analytics"]);
    expect(result.stderr).toContain('Created brand "Acme Analytics"');
    expect(result.code).toBe(0);
    brandId = result.stdout.trim();
    expect(brandId).toMatch(/^[0-9a-f-]{36}$/);
    const brands = await withDb((db) => db.orm.query.brands.findMany());
    expect(brands.map((b) => [b.id, b.name])).toEqual([[brandId, "Acme Analytics"]]);
  });

  it("creates a user whose password, read from stdin, signs in", async () => {
    const result = await run(
      [
        "create-user",
        "--brand",
        brandId,
        "--email",
        "Owner@Acme.test",
        "--name",
        "Olive",
        "--role",
        "manager",
      ],
      Readable.from(["correct horse battery\nignored second line\n"]),
    );
    expect(result.stderr).toContain("Created manager owner@acme.test");
    expect(result.code).toBe(0);
    const signedIn = await withDb((db) =>
      signIn(createServices(db, { tokenSecret: SECRETS.SHARE_TOKEN_SECRET }).accounts, {
        email: "owner@acme.test",
        password: "correct horse battery",
      }),
    );
    expect(signedIn.user.id).toBe(result.stdout.trim());
    expect(signedIn.user.role).toBe("manager");
    expect(signedIn.user.brandId).toBe(brandId);
  });

  it("asks twice for the password on a terminal and refuses two different answers", async () => {
    const typed = (...answers: string[]) => {
      const stdin = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: (on: boolean) => void };
      stdin.isTTY = true;
      stdin.setRawMode = () => {};
      // Each answer arrives once the prompt is listening, as keystrokes would.
      let next = 0;
      stdin.on("resume", () => {
        const answer = answers[next++];
        if (answer !== undefined) setImmediate(() => stdin.write(answer));
      });
      return stdin;
    };
    const mismatch = await run(
      ["create-user", "--brand", brandId, "--email", "typo@acme.test"],
      typed("first-password\r", "second-password\r"),
    );
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain("the two passwords differ");
    expect(mismatch.stderr).not.toContain("first-password");

    const ok = await run(
      ["create-user", "--brand", brandId, "--email", "member@acme.test"],
      typed("member-passwordx\u007f\r", "member-password\r"),
    );
    expect(ok.stderr).toContain("Created member member@acme.test");
    expect(ok.code).toBe(0);
    const users = await withDb((db) => db.orm.query.users.findMany());
    expect(users.map((u) => u.email).sort()).toEqual(["member@acme.test", "owner@acme.test"]);
  });

  it("refuses bad input with core's rules, naming the flag, and writes nothing", async () => {
    const badEmail = await run(
      ["create-user", "--brand", brandId, "--email", "not-an-email"],
      Readable.from(["long-enough-password\n"]),
    );
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain("--email");
    const shortPassword = await run(
      ["create-user", "--brand", brandId, "--email", "short@acme.test"],
      Readable.from(["short\n"]),
    );
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.stderr).toMatch(/password: .*8/);
    const taken = await run(
      ["create-user", "--brand", brandId, "--email", "owner@acme.test"],
      Readable.from(["another-password\n"]),
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
    const unknownBrand = await run(
      ["create-user", "--brand", crypto.randomUUID(), "--email", "lost@acme.test"],
      Readable.from(["long-enough-password\n"]),
    );
    expect(unknownBrand.code).toBe(1);
    expect(unknownBrand.stderr).toMatch(/Brand not found/);
    const noPassword = await run(["create-user", "--brand", brandId, "--email", "empty@acme.test"]);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain("no password on standard input");
    const users = await withDb((db) => db.orm.query.users.findMany());
    expect(users).toHaveLength(2);
  });

  it("creates an API key that authenticates as the user", async () => {
    const result = await run(["create-api-key", "--email", "OWNER@acme.test", "--name", "ci"]);
    expect(result.code).toBe(0);
    const key = result.stdout.trim();
    expect(key).toMatch(/^slk_/);
    expect(result.stderr).not.toContain(key);
    const caller = await withDb((db) =>
      authenticateApiKey(createServices(db, { tokenSecret: SECRETS.SHARE_TOKEN_SECRET }).accounts, key),
    );
    expect(caller.brandId).toBe(brandId);
    const nobody = await run(["create-api-key", "--email", "nobody@acme.test"]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("no user with the email nobody@acme.test");
  });

  it("adds demo data only to an empty database", async () => {
    const refused = await run(["demo-data"]);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toContain("already has a brand");
    expect(refused.stdout).toBe("");

    const empty = await createTarget(kind);
    try {
      const out = sink();
      const err = sink();
      const code = await runCli(["demo-data"], {
        env: empty.env,
        stdin: Readable.from([]),
        stdout: out.stream,
        stderr: err.stream,
      });
      expect(code).toBe(0);
      expect(err.text()).toContain("demo@acme.test");
      expect(out.text().trim()).toMatch(/^slk_/);
      const db = await empty.open();
      try {
        expect((await db.orm.query.brands.findMany()).length).toBeGreaterThanOrEqual(2);
      } finally {
        await db.close();
      }
    } finally {
      await empty.drop();
    }
  });
});
