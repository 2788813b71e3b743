import type { Readable, Writable } from "node:stream";

/**
 * What a CLI command may touch of the outside world. The entry passes the
 * process's own streams; tests pass in-memory ones.
 */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  /** Results only (an id, a key), so `$(pnpm -s sharelinks ...)` captures exactly the value. */
  stdout: Writable & { isTTY?: boolean };
  /** Everything said to the person at the keyboard. */
  stderr: Writable;
}

/** A mistake in how the command was called or in its input: printed as one line, exit 1. */
export class CliError extends Error {
  override readonly name = "CliError";
}
