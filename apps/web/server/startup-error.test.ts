import { createDb } from "@sharelinks/db";
import { describe, expect, it } from "vitest";
import { startupErrorLine } from "./startup-error";

const failureOf = async (url: string) => {
  try {
    const db = await createDb(url, { connectTimeoutSeconds: 2 });
    try {
      await db.orm.execute("select 1" as never);
    } finally {
      await db.close();
    }
  } catch (error) {
    return error;
  }
  throw new Error("expected the connection to fail");
};

describe("startup error line", () => {
  it("names host, port and code for an unreachable database server, on one line, without credentials", async () => {
    // Port 1 on localhost: nothing listens there.
    const url = "postgres://app:s3cret-password@127.0.0.1:1/sharelinks";
    const line = startupErrorLine(await failureOf(url), url);
    expect(line).toBe(
      "sharelinks failed to start: cannot connect: database server 127.0.0.1:1 (ECONNREFUSED)",
    );
    expect(line).not.toContain("s3cret");
  });

  const server = process.env.DATABASE_URL;
  it.runIf(server)("says which database is missing", async () => {
    const url = new URL(server as string);
    url.pathname = "/sharelinks_no_such_database";
    const line = startupErrorLine(await failureOf(url.toString()), url.toString());
    expect(line).toBe(
      `sharelinks failed to start: database "sharelinks_no_such_database" does not exist on ${url.hostname}:${url.port || "5432"} (create it, or fix DATABASE_URL)`,
    );
  });

  it("falls back to the error's first line and code for anything else", () => {
    const error = Object.assign(new Error("boom\n  at somewhere"), { code: "EACCES" });
    expect(startupErrorLine(error, undefined)).toBe("sharelinks failed to start: boom (EACCES)");
  });
});
