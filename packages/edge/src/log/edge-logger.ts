/** The slice of a pino logger the HTTP layer writes to; a pino Logger satisfies it. */
export interface EdgeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** `options.redact` replaces the redaction paths for the child's lines (pino's child options). */
  child?(bindings: Record<string, unknown>, options?: { redact?: string[] }): EdgeLogger;
}
