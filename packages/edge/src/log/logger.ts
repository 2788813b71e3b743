import { hostname } from "node:os";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import pretty from "pino-pretty";
import { serializeError } from "./error-serializer";

/**
 * Field names that hold secrets or private data wherever they appear. pino's
 * `redact` replaces them before a line is written: the last line of defence
 * behind the rule that code never logs them in the first place.
 */
const SECRET_FIELDS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "passwordHash",
  "token",
  "access_token",
  "accessToken",
  "tokenHash",
  "tokenCiphertext",
  "keyHash",
  "key",
  "apiKey",
  "sessionToken",
  "share_url",
  "email",
  "snapshot",
  "results",
  "params",
  "parameters",
  "query",
];

/** Top level and one level down (`headers.authorization`, `user.email`...), plus request headers. */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_FIELDS.map((field) => (field.includes("-") ? `["${field}"]` : field)),
  ...SECRET_FIELDS.map((field) => (field.includes("-") ? `*["${field}"]` : `*.${field}`)),
  'req.headers["x-api-key"]',
  "req.headers.authorization",
  "req.headers.cookie",
];

export interface CreateLoggerOptions {
  level: LoggerOptions["level"];
  /** Fields on every line (e.g. `{service: "sharelinks"}`); pino adds pid and hostname. */
  base?: Record<string, unknown>;
  /** Where lines go; stdout when absent (human-readable through pino-pretty when stdout is a terminal). */
  destination?: DestinationStream;
}

/**
 * A terminal gets readable lines, anything else (a file, a pipe, a log
 * collector) one JSON object per line. Pretty-printing runs in this thread,
 * not in a transport worker: it is for a person watching, not for volume.
 */
const stdoutDestination = (): DestinationStream =>
  process.stdout.isTTY
    ? pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", sync: true })
    : // Synchronous on purpose: an asynchronous destination saved ~5% of a write's
      // CPU, but buffers without bound when stdout drains slowly (the bench saw
      // the server at 576 MB with it); a blocked write is back-pressure instead.
      pino.destination({ dest: 1, sync: true });

/** The one way a logger is made, in the server and in every test: same redaction, same error serializer. */
export const createLogger = (options: CreateLoggerOptions): Logger => {
  const config: LoggerOptions = {
    level: options.level,
    redact: { paths: [...REDACT_PATHS], censor: "[redacted]" },
    serializers: { err: serializeError, error: serializeError },
    ...(options.base && { base: { pid: process.pid, hostname: hostname(), ...options.base } }),
  };
  return pino(config, options.destination ?? stdoutDestination());
};
