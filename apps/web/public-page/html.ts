/**
 * A small escaping HTML builder for the public page (and the charts and table
 * the dashboard shows from it): static markup as strings, no React.
 *
 *   html`<p class="${kind}">${text}</p>`
 *
 * Every interpolated value is escaped (`& < > " '`, as React escapes text and
 * attributes) unless it is itself `Html` (the result of `html` or `raw`).
 * Arrays are joined, each item by the same rule; `null`, `undefined`, `false`
 * and `true` render nothing; numbers render as `String(n)`. An interpolation
 * in an attribute must sit inside quotes (`title="${t}"`): a template with an
 * unquoted one (`title=${t}`) throws on its first use, since escaping alone
 * does not keep a space out of an unquoted attribute.
 */

/** Markup that is already safe: built by `html`, or our own constant via `raw`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;
const ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
const entity = (ch: string) => ENTITY[ch] as string;

/** Text or a quoted attribute value with `& < > " '` replaced by entities (React's escaping). */
export const escapeHtml = (text: string): string =>
  SPECIAL.test(text) ? text.replace(SPECIAL_ALL, entity) : text;

/** Marks our own constant markup (the stylesheet) as safe. Never pass it user data. */
export const raw = (markup: string): Html => new Html(markup);

/**
 * "—" as an entity: our own markup stays ASCII, so a page whose data is
 * Latin-1 is built from one-byte strings (a single "—" would make every
 * string concatenated with it two-byte: twice the memory, slower to measure
 * and encode on every response).
 */
export const EM_DASH = raw("&mdash;");

const append = (value: Interpolation): string => {
  if (typeof value === "string") return escapeHtml(value);
  if (value instanceof Html) return value.value;
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined || typeof value === "boolean") return "";
  let out = "";
  for (const item of value) out += append(item);
  return out;
};

const UNQUOTED_ATTRIBUTE = /=\s*$/;
const checked = new WeakSet<TemplateStringsArray>();
const check = (strings: TemplateStringsArray) => {
  for (let i = 0; i < strings.length - 1; i += 1) {
    if (UNQUOTED_ATTRIBUTE.test(strings[i] as string)) {
      throw new Error(`html: unquoted attribute value after ${JSON.stringify(strings[i])}`);
    }
  }
  checked.add(strings);
};

export const html = (strings: TemplateStringsArray, ...values: Interpolation[]): Html => {
  if (!checked.has(strings)) check(strings);
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i += 1) out += append(values[i] as Interpolation) + strings[i + 1];
  return new Html(out);
};
