/** The slice of a pino logger the HTTP layer writes to; a pino Logger satisfies it. */
export interface EdgeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child?(bindings: Record<string, unknown>): EdgeLogger;
}
