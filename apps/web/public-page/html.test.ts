import type { PublicShare, PublicSharePreview, ResultRow } from "@sharelinks/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleReportShare, sampleScheduleShare } from "./fixtures";
import { escapeHtml, html, raw } from "./html";
import { renderPublicSharePage } from "./index";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'" };
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#x27);/g, (_, name: string) => ENTITIES[name] as string);

/** Any text, with the characters that matter to HTML well represented. */
const text = fc.oneof(
  fc.string({ unit: "grapheme-composite", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom("<", ">", "&", '"', "'", "=", " ", "/", "a", "script", "amp;", "#"),
    maxLength: 40,
  }),
  fc.constantFrom(
    `</title><script>alert("x")</script>`,
    `" onmouseover="alert(1)`,
    `' x='`,
    "&lt;",
    "]]>",
    "<!--",
  ),
);

describe("html: escaping", () => {
  it("escapes & < > \" ' and nothing else, reversibly", () => {
    fc.assert(
      fc.property(text, (value) => {
        const escaped = escapeHtml(value);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(decode(escaped)).toBe(value);
      }),
    );
  });

  it("escapes every interpolation, in text and in quoted attributes, unless it is Html", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const e = (value: string) => escapeHtml(value);
        expect(html`<p title="${a}">${b}</p>`.value).toBe(`<p title="${e(a)}">${e(b)}</p>`);
        expect(html`<ul>${[a, [b, html`<li>${a}</li>`]]}</ul>`.value).toBe(
          `<ul>${e(a)}${e(b)}<li>${e(a)}</li></ul>`,
        );
        expect(html`<i>${raw("<b>ours</b>")}</i>`.value).toBe("<i><b>ours</b></i>");
      }),
    );
  });

  it("renders nothing for null, undefined, false and true, and numbers as written", () => {
    expect(html`<p>${null}${undefined}${false}${true}${0}${2.5}${-1}</p>`.value).toBe("<p>02.5-1</p>");
  });

  it("refuses an interpolation in an unquoted attribute", () => {
    expect(() => html`<p title=${"x onclick=alert(1)"}></p>`).toThrow(/unquoted attribute/);
    expect(() => html`<p title = ${"x"}></p>`).toThrow(/unquoted attribute/);
  });
});

/**
 * The document's shape: each tag's name and attribute names, in order, with
 * the stylesheet's text left out. Text that injected markup would add a tag
 * or an attribute, or cut one short.
 */
const shape = (document: string) =>
  [...document.replace(/<style>[\s\S]*?<\/style>/, "<style></style>").matchAll(/<[^>]*>/g)].map(([tag]) =>
    tag.replace(/="[^"]*"/g, "").replace(/\s+/g, " "),
  );

/** The same text with & < > " ' swapped for private-use characters: same length, same equalities, inert. */
const INERT: Record<string, string> = {
  "&": "\uE000",
  "<": "\uE001",
  ">": "\uE002",
  '"': "\uE003",
  "'": "\uE004",
};
const inert = (value: string) => value.replace(/[&<>"']/g, (ch) => INERT[ch] as string);

interface Texts {
  title: string;
  company: string;
  cadence: string;
  rows: Array<{ prompt: string; engine: string }>;
  engines: string[];
}
/** Engine names start with a distinct letter, so the table's column order (localeCompare) is the same for both. */
const texts: fc.Arbitrary<Texts> = fc
  .record({
    title: text,
    company: text,
    cadence: text,
    names: fc.array(text, { minLength: 4, maxLength: 4 }),
    rows: fc.array(fc.record({ prompt: text, engine: fc.nat(3) }), { maxLength: 6 }),
    engines: fc.array(text, { maxLength: 4 }),
  })
  .map(({ names, rows, ...rest }) => ({
    ...rest,
    rows: rows.map((row) => ({ prompt: row.prompt, engine: `${"abcd"[row.engine]}${names[row.engine]}` })),
  }));
const mapTexts = (t: Texts, f: (value: string) => string): Texts => ({
  title: f(t.title),
  company: f(t.company),
  cadence: f(t.cadence),
  rows: t.rows.map((row) => ({ prompt: f(row.prompt), engine: f(row.engine) })),
  engines: t.engines.map(f),
});

const shareWith = (t: Texts, scheduled: boolean): PublicShare => {
  const base = scheduled ? sampleScheduleShare() : sampleReportShare();
  const results: ResultRow[] = t.rows.map((row, i) => ({
    ...row,
    mentioned: i % 3 !== 0,
    position: i % 2 === 0 ? i + 1 : null,
    sentiment: i % 2 === 0 ? "positive" : null,
  }));
  const engines = t.engines.map((engine) => ({
    engine,
    total: 3,
    mentioned: 1,
    visibility_rate: 0.33,
    average_position: 2,
  }));
  return {
    ...base,
    title: t.title,
    white_label: { ...base.white_label, company_name: t.company },
    snapshot: {
      ...base.snapshot,
      title: t.title,
      results,
      engines,
      ...(base.snapshot.kind === "scheduled" && { cadence: t.cadence as never }),
    },
  } as PublicShare;
};

describe("html: no interpolated text can inject markup into the public page", () => {
  const NOW = new Date("2026-03-11T10:00:00.000Z");

  it("a share's page has the same tags and attributes whatever its text", () => {
    fc.assert(
      fc.property(texts, fc.boolean(), (t, scheduled) => {
        const page = renderPublicSharePage({ kind: "ok", share: shareWith(t, scheduled), now: NOW });
        const reference = renderPublicSharePage({
          kind: "ok",
          share: shareWith(mapTexts(t, inert), scheduled),
          now: NOW,
        });
        expect(shape(page)).toEqual(shape(reference));
        expect(page).not.toMatch(/<script/i);
      }),
      { numRuns: 200 },
    );
  });

  it("so do the preview and the password form", () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom("none", "invalid", "throttled") as fc.Arbitrary<"none">,
        (title, company, problem) => {
          const preview = (f: (value: string) => string) =>
            ({
              share_type: "report",
              title: f(title),
              white_label: { ...sampleReportShare().white_label, company_name: f(company) },
            }) as unknown as PublicSharePreview;
          for (const input of [
            (f: (value: string) => string) => ({ kind: "preview" as const, preview: preview(f) }),
            (f: (value: string) => string) => ({ kind: "password" as const, preview: preview(f), problem }),
          ]) {
            const page = renderPublicSharePage(input((value) => value));
            expect(shape(page)).toEqual(shape(renderPublicSharePage(input(inert))));
            expect(page).not.toMatch(/<script/i);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
