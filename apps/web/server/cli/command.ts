import type { ParseArgsConfig } from "node:util";
import type { Database, Services } from "@sharelinks/db";
import type { z } from "zod";
import type { AppConfig } from "../env";
import { CliError, type CliIo } from "./io";

export type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;

export interface CommandContext {
  io: CliIo;
  /** The parsed `--flags` of the command. */
  values: Record<string, string | boolean | undefined>;
  /**
   * Opens the database the server would use (same environment variables);
   * closed by the runner. Embedded mode migrates first unless `migrate: false`.
   */
  open(options?: { migrate?: boolean }): Promise<{ db: Database; services: Services; config: AppConfig }>;
}

/** One `pnpm sharelinks <name>` command. Rules stay in core: commands parse, call a use case, print. */
export interface Command {
  name: string;
  summary: string;
  /** The flags, as shown by --help. */
  usage: string;
  options: OptionSpecs;
  run(ctx: CommandContext): Promise<void>;
}

/**
 * Validates input with core's own schema and names the offending flag, e.g.
 * `--email: Invalid email address`.
 */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  flags: Record<string, string>,
): z.infer<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    return `${flags[field] ?? field}: ${issue.message}`;
  });
  throw new CliError(lines.join("\n"));
};

/** A flag the command cannot do without. */
export const required = (values: CommandContext["values"], flag: string): string => {
  const value = values[flag];
  if (typeof value !== "string" || value.trim() === "") throw new CliError(`--${flag} is required`);
  return value;
};

export const optional = (values: CommandContext["values"], flag: string): string | undefined => {
  const value = values[flag];
  return typeof value === "string" ? value : undefined;
};
