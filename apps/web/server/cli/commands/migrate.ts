import type { Command } from "../command";

/**
 * The deploy's migrate step (`npm run db:migrate`, `node cli.mjs migrate` in the production bundle):
 * applies what the database lacks over DIRECT_DATABASE_URL when set (DDL does
 * not go through a transaction pooler), under the migrator's advisory lock, so
 * several deploys at once take turns. Prints each applied migration.
 */
export const migrateCommand: Command = {
  name: "migrate",
  summary: "Apply the migrations the database lacks (the deploy's migrate step; safe to run again)",
  usage: "",
  options: {},
  async run({ io, open }) {
    const { db } = await open({ migrate: false });
    const { applied } = await db.migrate({
      log: (message, fields) => io.stderr.write(`${message} ${JSON.stringify(fields)}\n`),
    });
    io.stderr.write(
      applied.length === 0
        ? "The database schema is current: nothing to apply.\n"
        : `Applied ${applied.length} migration(s): ${applied.join(", ")}\n`,
    );
  },
};
