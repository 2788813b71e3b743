import { maskText } from "./mask";

/** What a log line may say about an error: never the query, its parameters or a row. */
export interface SerializedError {
  type: string;
  message: string;
  /** SQLSTATE or a Node/driver code. */
  code?: string;
  constraint?: string;
  severity?: string;
  stack?: string;
  cause?: SerializedError;
  errors?: SerializedError[];
}

const MAX_DEPTH = 5;
const MAX_AGGREGATED = 5;
const FRAME = /^\s+at /;
// pnpm's store directories (`.pnpm/postgres@3.4.9_patch_hash=<sha256>/node_modules/`) say nothing useful.
const PNPM_STORE_DIR = /node_modules\/\.pnpm\/[^/]+\/node_modules\//g;

// Drizzle puts the whole statement and its parameters in the message:
// "Failed query: insert ...\nparams: <token hash>,<ciphertext>,...".
const QUERY_TEXT = /^Failed query:/;

const stringField = (error: object, name: string): string | undefined => {
  const value = (error as Record<string, unknown>)[name];
  return typeof value === "string" && value.length <= 64 ? value : undefined;
};

/** Stack frames only: the first lines of a stack repeat the message, which may hold query text. */
const framesOf = (stack: unknown): string | undefined => {
  if (typeof stack !== "string") return undefined;
  const frames = stack
    .split("\n")
    .filter((line) => FRAME.test(line))
    .map((line) => line.replace(PNPM_STORE_DIR, "node_modules/"));
  return frames.length > 0 ? frames.slice(0, 20).join("\n") : undefined;
};

const messageOf = (error: object): string => {
  const message = (error as { message?: unknown }).message;
  if (typeof message !== "string") return "";
  if (QUERY_TEXT.test(message)) return "Failed query (statement and parameters withheld)";
  return maskText(message);
};

const serialize = (error: unknown, depth: number, seen: Set<unknown>): SerializedError => {
  if (error === null || typeof error !== "object") {
    return { type: typeof error, message: maskText(String(error)) };
  }
  seen.add(error);
  const out: SerializedError = {
    type: (error as { name?: unknown }).name === undefined ? "Object" : String((error as Error).name),
    message: messageOf(error),
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") out.code = String(code);
  const constraint = stringField(error, "constraint") ?? stringField(error, "constraint_name");
  if (constraint !== undefined) out.constraint = constraint;
  const severity = stringField(error, "severity");
  if (severity !== undefined) out.severity = severity;
  const stack = framesOf((error as { stack?: unknown }).stack);
  if (stack !== undefined) out.stack = stack;
  if (depth < MAX_DEPTH) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause !== undefined && cause !== null && !seen.has(cause))
      out.cause = serialize(cause, depth + 1, seen);
    const errors = (error as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      out.errors = errors
        .slice(0, MAX_AGGREGATED)
        .filter((inner) => !seen.has(inner))
        .map((inner) => serialize(inner, depth + 1, seen));
    }
  }
  return out;
};

/**
 * pino's `err` serializer. An allowlist, not a blocklist: type, message (masked),
 * code (SQLSTATE), constraint, severity, stack frames, and the same for each
 * cause. Driver errors carry `query`, `parameters`, `detail` ("Key (email)=(…)")
 * and whole rows; none of those is copied.
 */
export const serializeError = (error: unknown): SerializedError => serialize(error, 0, new Set());
