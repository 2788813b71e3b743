import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb } from "../client";

export interface ServerDatabase {
  /** postgres:// URL of the new database, for a process under test (the CLI, the server). */
  url: string;
  /** Drops it, closing whatever is still connected. */
  drop(): Promise<void>;
}

/**
 * A fresh database on the DATABASE_URL server, named like createTestDatabase's
 * (`sharelinks_test_<ms>_...`) so an abandoned one is swept by later runs.
 * Empty, or migrated when asked.
 */
export const createServerDatabase = async (options: { migrated?: boolean } = {}): Promise<ServerDatabase> => {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error("createServerDatabase needs DATABASE_URL");
  const name = `sharelinks_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = () => postgres(server, { max: 1, connect_timeout: 5, onnotice: () => {} });
  const sql = admin();
  try {
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const drop = async () => {
    const dropper = admin();
    try {
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await dropper.end({ timeout: 5 });
    }
  };
  if (options.migrated) {
    const db = await createDb(url.toString(), { maxConnections: 1 });
    try {
      await db.migrate();
    } catch (error) {
      await db.close();
      await drop();
      throw error;
    }
    await db.close();
  }
  return { url: url.toString(), drop };
};
