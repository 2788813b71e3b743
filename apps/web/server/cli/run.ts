import path from "node:path";
import { parseArgs } from "node:util";
import { isDomainError } from "@sharelinks/core";
import { createDb, createServices, type Database } from "@sharelinks/db";
import { dbOptionsOf, PGLITE_IMAGE_DIR } from "../bootstrap";
import { ConfigError, loadConfig } from "../env";
import type { Command, CommandContext } from "./command";
import { createApiKeyCommand } from "./commands/create-api-key";
import { createBrandCommand } from "./commands/create-brand";
import { createUserCommand } from "./commands/create-user";
import { demoDataCommand } from "./commands/demo-data";
import { migrateCommand } from "./commands/migrate";
import { CliError, type CliIo } from "./io";

export const COMMANDS: readonly Command[] = [
  migrateCommand,
  createBrandCommand,
  createUserCommand,
  createApiKeyCommand,
  demoDataCommand,
];

export const helpText = () => {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: pnpm sharelinks <command> [flags]   (production bundle: node cli.mjs <command> [flags])",
    "",
    "Commands:",
    ...COMMANDS.flatMap((c) => [
      `  ${c.name.padEnd(width)}  ${c.summary}`,
      ...(c.usage ? [`  ${" ".repeat(width)}    ${c.usage}`] : []),
    ]),
    "",
    "It reads the server's environment (DATABASE_URL, SHARE_TOKEN_SECRET, DATA_DIR...): run it with",
    "the same variables as the server. Results (ids, keys) go to stdout, everything else to stderr.",
    "",
  ].join("\n");
};

/** One line for the person at the keyboard: never a stack trace. */
const describeFailure = (error: unknown): string => {
  if (error instanceof CliError || error instanceof ConfigError) return error.message;
  if (isDomainError(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (/relation .* does not exist/i.test(message)) {
    return `${message}: the database has no schema yet; run the migrate step first`;
  }
  return message;
};

/**
 * `pnpm sharelinks <command>`: onboarding for a database the server does not
 * seed (PostgreSQL). Returns the exit code: 0 done, 1 failed, 2 bad usage.
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout).write(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`Usage: pnpm sharelinks ${command.name} ${command.usage}\n  ${command.summary}\n`);
    return 0;
  }

  let values: CommandContext["values"];
  try {
    values = parseArgs({ args: [...rest], options: command.options, strict: true, allowPositionals: false })
      .values as CommandContext["values"];
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\nUsage: pnpm sharelinks ${command.name} ${command.usage}\n`);
    return 2;
  }

  let db: Database | null = null;
  const open: CommandContext["open"] = async (options = {}) => {
    const config = loadConfig(io.env);
    const opened = await createDb(config.databaseUrl, {
      dataDir: path.join(config.dataDir, "pglite"),
      pgliteImage: PGLITE_IMAGE_DIR,
      ...dbOptionsOf(config),
      maxConnections: 1,
    });
    // Embedded mode migrates like the server's start does; PostgreSQL has its own migrate step.
    db = opened;
    if (config.embedded && options.migrate !== false) await opened.migrate();
    return { db: opened, config, services: createServices(opened, { tokenSecret: config.shareTokenSecret }) };
  };

  try {
    await command.run({ io, values, open });
    return 0;
  } catch (error) {
    io.stderr.write(`sharelinks ${command.name}: ${describeFailure(error)}\n`);
    return 1;
  } finally {
    await (db as Database | null)?.close();
  }
};
