import { bodyValidationError, fieldIssuesOf, validationError } from "@sharelinks/core";
import type { z } from "zod";

/** Path and query parameters: a mismatch is the caller's URL at fault, 400 `validation_error`. */
export const parseParameters = <S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> => {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw validationError(`Invalid ${what}`, { errors: fieldIssuesOf(result.error.issues) });
  }
  return result.data;
};

/**
 * Query strings as a plain object. A repeated parameter is refused rather than
 * silently picking one. Keys become own properties whatever their name
 * (`__proto__` included), so a schema sees, and refuses, every unknown one.
 */
export const queryObject = (query: URLSearchParams): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of query) {
    if (Object.hasOwn(out, key)) {
      throw validationError("Invalid query parameters", {
        errors: [{ path: key, message: "Parameter given more than once" }],
      });
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
};

/** A route that declares no query parameters refuses any it is sent: a typo is not silently ignored. */
export const refuseQuery = (query: URLSearchParams): void => {
  const names = [...new Set(query.keys())];
  if (names.length === 0) return;
  throw validationError("Invalid query parameters", {
    errors: names.map((name) => ({ path: name, message: "Unknown query parameter" })),
  });
};

const WHITESPACE_ONLY = /^\s*$/;

/**
 * Body text -> validated input. An empty body counts as `{}` so a create with
 * all defaults needs no body; required fields still fail field by field.
 */
export const parseJsonBody = <S extends z.ZodType>(schema: S, text: string): z.output<S> => {
  let value: unknown;
  if (WHITESPACE_ONLY.test(text)) {
    value = {};
  } else {
    try {
      value = JSON.parse(text);
    } catch {
      throw bodyValidationError(
        [{ path: "", message: "Body is not valid JSON" }],
        "Request body is not valid JSON",
      );
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) throw bodyValidationError(fieldIssuesOf(result.error.issues));
  return result.data;
};
