import { bodyValidationError, type DomainError, type FieldIssue, validationError } from "@sharelinks/core";
import type { z } from "zod";

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join(".");

/** Zod issues as `details.errors: [{path, message}]`; each unknown key gets its own entry. */
export const fieldIssuesOf = (issues: readonly z.core.$ZodIssue[]): FieldIssue[] => {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({ path: joinPath([...issue.path, key]), message: "Unknown field" });
    } else {
      out.push({ path: joinPath(issue.path), message: issue.message });
    }
  }
  return out;
};

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

/** Query strings as a plain object; a repeated parameter is refused rather than silently picking one. */
export const queryObject = (query: URLSearchParams): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of query) {
    if (Object.hasOwn(out, key)) {
      throw validationError("Invalid query parameters", {
        errors: [{ path: key, message: "Parameter given more than once" }],
      });
    }
    out[key] = value;
  }
  return out;
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

export const bodyTooLarge = (limitBytes: number): DomainError =>
  bodyValidationError(
    [{ path: "", message: `Body exceeds the ${limitBytes}-byte limit` }],
    "Request body is too large",
  );
