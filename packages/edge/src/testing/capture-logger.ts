import pino, { type Level, type Logger } from "pino";
import { createLogger } from "../log/logger";
import { testLogFile } from "./test-log-dir";

export interface CapturedLogs {
  logger: Logger;
  /** Every line written, in order (JSON text). */
  lines: string[];
  records(): Record<string, unknown>[];
}

/**
 * A logger for tests: the production logger (same redaction, same error
 * serializer), writing into memory for assertions and, during `npm test`,
 * into the run's log directory for the final secret scan.
 */
export const captureLogger = (options: { name?: string; level?: Level } = {}): CapturedLogs => {
  const lines: string[] = [];
  const memory = { write: (line: string) => void lines.push(line) };
  const file = testLogFile(options.name ?? "test");
  const destination = file
    ? pino.multistream([
        { level: "trace", stream: memory },
        { level: "trace", stream: pino.destination({ dest: file, sync: true, mkdir: true }) },
      ])
    : memory;
  const logger = createLogger({ level: options.level ?? "info", destination });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
};
