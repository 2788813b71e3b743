import { newServerDatabase } from "./server-databases";

export interface ServerDatabase {
  /** postgres:// URL of the new database, for a process under test (the CLI, the server). */
  url: string;
  /** Drops it, closing whatever is still connected (inside a test run: at the run's end). */
  drop(): Promise<void>;
}

/**
 * A fresh database on the DATABASE_URL server, named like createTestDatabase's
 * (`sharelinks_test_<ms>_...`) so an abandoned one is swept by later runs.
 * Empty, or migrated when asked (a copy of the migrated template).
 */
export const createServerDatabase = async (options: { migrated?: boolean } = {}): Promise<ServerDatabase> => {
  const { url, drop } = await newServerDatabase({ migrated: options.migrated ?? false });
  return { url, drop };
};
