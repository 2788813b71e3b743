import { z } from "zod";

/**
 * The text rule: every string that can reach the database passes it, at the
 * edge of core (the request schemas), so a bad value is the caller's 422 and
 * never the database's refusal (a 500 before this rule: PostgreSQL rejects NUL
 * and lone surrogates in text and jsonb).
 *
 * - well-formed Unicode: no lone surrogate (`String.prototype.isWellFormed`);
 * - no control characters (C0, DEL, C1); multi-line fields may hold tab, LF
 *   and CR, single-line fields neither those nor U+2028/U+2029;
 * - dates are real calendar instants between 1970 and 9999.
 */

// C0 controls, DEL and C1 controls: matching them is the point of this rule.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule exists to find control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule exists to find control characters
const CONTROL_EXCEPT_TAB_AND_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_OR_PARAGRAPH_SEPARATOR = /[\u2028\u2029]/;

const isWellFormed = (value: string): boolean =>
  (value as string & { isWellFormed(): boolean }).isWellFormed();

export type TextKind = "single_line" | "multi_line";

/** Why `value` breaks the text rule, or null when it does not. */
export const textRuleProblem = (value: string, kind: TextKind = "single_line"): string | null => {
  if (!isWellFormed(value)) return "Must be well-formed Unicode (no lone surrogate)";
  if (kind === "multi_line") {
    return CONTROL_EXCEPT_TAB_AND_LINE_BREAKS.test(value)
      ? "Must not contain control characters other than tab and line breaks"
      : null;
  }
  if (CONTROL.test(value) || LINE_OR_PARAGRAPH_SEPARATOR.test(value)) {
    return "Must not contain control characters or line breaks";
  }
  return null;
};

/** The rule as a zod refinement, for schemas that are not plain text (emails, URLs). */
export const followsTextRule =
  (kind: TextKind = "single_line") =>
  (value: string, ctx: z.RefinementCtx) => {
    const problem = textRuleProblem(value, kind);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };

export interface TextOptions {
  /** Minimum length after trimming (default 1: blank is not a value). */
  min?: number;
  max: number;
  /** Tab and line breaks allowed (prompts). Default: one line. */
  multiLine?: boolean;
  /** Leading and trailing whitespace removed before the length check (default true). */
  trim?: boolean;
}

/** A text field under the text rule. */
export const text = ({ min = 1, max, multiLine = false, trim = true }: TextOptions) =>
  (trim ? z.string().trim() : z.string())
    .min(min)
    .max(max)
    .superRefine(followsTextRule(multiLine ? "multi_line" : "single_line"));

/** A secret typed by a person (a password): any characters, but well-formed, so it always hashes the same. */
export const secretText = ({ min, max }: { min: number; max: number }) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((value) => isWellFormed(value), "Must be well-formed Unicode (no lone surrogate)");

/** The earliest and latest instants a date field may hold. */
export const EARLIEST_DATE = new Date("1970-01-01T00:00:00.000Z");
export const LATEST_DATE = new Date("9999-12-31T23:59:59.999Z");

/** An ISO 8601 date-time with an offset (`Z` or `+hh:mm`), a real calendar instant between 1970 and 9999. */
export const dateTime = () =>
  z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
    const at = Date.parse(value);
    if (!(at >= EARLIEST_DATE.getTime() && at <= LATEST_DATE.getTime())) {
      ctx.addIssue({ code: "custom", message: "Must be a date between 1970 and 9999" });
    }
  });
