import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = path.dirname(fileURLToPath(import.meta.url));
const FORBIDDEN =
  /^(next|react|react-dom|@trpc\/.*|drizzle-orm|drizzle-kit|postgres|@electric-sql\/pglite|pino|ioredis|rate-limiter-flexible|@node-rs\/argon2|@sharelinks\/(?!core).*)(\/.*)?$/;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });

const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map(
    (m) => m[1] as string,
  );

describe("packages/core boundaries", () => {
  it("imports no framework, database or adapter package: business rules stay portable", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => FORBIDDEN.test(specifier))
        .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it("recognises a forbidden import when it sees one", () => {
    for (const specifier of [
      "next/server",
      "react",
      "@trpc/server",
      "drizzle-orm/pg-core",
      "postgres",
      "@electric-sql/pglite",
      "@sharelinks/db",
    ]) {
      expect(FORBIDDEN.test(specifier), specifier).toBe(true);
    }
    for (const specifier of ["zod", "node:crypto", "./errors", "@sharelinks/core"]) {
      expect(FORBIDDEN.test(specifier), specifier).toBe(false);
    }
  });
});
