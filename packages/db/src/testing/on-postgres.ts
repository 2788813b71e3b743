import { describe } from "vitest";

const announced = new Set<string>();

/**
 * A suite that needs a real PostgreSQL server (DATABASE_URL). Without one it is
 * skipped, and says so and why, once per suite, so a skip is never silent.
 */
export const describeOnPostgres = (name: string, suite: () => void): void => {
  const server = process.env.DATABASE_URL;
  if (!server && !announced.has(name)) {
    announced.add(name);
    console.warn(
      `[skip] "${name}": DATABASE_URL is not set; these tests need a real PostgreSQL server (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres).`,
    );
  }
  describe.runIf(server)(name, suite);
};
