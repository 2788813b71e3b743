import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createReportInputSchema, createRunInputSchema, resultRowSchema } from "./provisioning/schemas";
import { shareWhiteLabelSchema } from "./shares/white-label";
import { dateTime, text, textRuleProblem } from "./text";

describe("the text rule", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["escape", "a\u001bb"],
    ["DEL", "a\u007fb"],
    ["C1 (NEL)", "a\u0085b"],
    ["lone high surrogate", "a\ud800b"],
    ["lone low surrogate", "a\udc00b"],
    ["reversed pair", "a\udc00\ud800b"],
    ["line feed", "a\nb"],
    ["tab", "a\tb"],
    ["line separator", "a\u2028b"],
  ])("refuses %s on one line", (_label, value) => {
    expect(textRuleProblem(value)).not.toBeNull();
  });

  it("lets multi-line text hold tab and line breaks, nothing else", () => {
    expect(textRuleProblem("a\tb\r\nc\nd", "multi_line")).toBeNull();
    expect(textRuleProblem("a\u0000b", "multi_line")).not.toBeNull();
    expect(textRuleProblem("a\ud800", "multi_line")).not.toBeNull();
  });

  it("accepts any well-formed text without controls (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
        const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "");
        expect(textRuleProblem(clean)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("finds every lone surrogate (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string(), (a, unit, b) => {
        const value = `${a}${String.fromCharCode(unit)}${b}`;
        if (!(value as string & { isWellFormed(): boolean }).isWellFormed())
          expect(textRuleProblem(value)).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("trims and names the problem in a zod issue", () => {
    const schema = text({ max: 5 });
    expect(schema.parse("  ab ")).toBe("ab");
    const result = schema.safeParse("a\u0000");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/control characters/);
  });
});

describe("dateTime", () => {
  it.each([
    "0000-01-01T00:00:00Z",
    "1969-12-31T23:59:59Z",
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "9999-12-31T23:59:59-14:00",
    "2026-01-01",
    "yesterday",
  ])("refuses %s", (value) => {
    expect(dateTime().safeParse(value).success).toBe(false);
  });

  it.each([
    "1970-01-01T00:00:00Z",
    "2026-03-01T10:00:00.123Z",
    "2026-03-01T10:00:00+05:30",
    "9999-12-31T23:59:59Z",
  ])("accepts %s", (value) => {
    expect(dateTime().safeParse(value).success).toBe(true);
  });
});

describe("the rule in the request schemas", () => {
  const row = { prompt: "best crm", engine: "chatgpt", mentioned: true, position: 1, sentiment: "positive" };

  it("white label strings", () => {
    for (const white of [
      { company_name: "a\u0000b" },
      { logo_url: "https://x.test/\u0000" },
      { logo_url: "https://x.test/\ud800" },
    ]) {
      const result = shareWhiteLabelSchema.safeParse(white);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(Object.keys(white));
    }
  });

  it("report title, prompt and completed_at", () => {
    const base = {
      title: "Q1",
      created_by: "3f9c7e8a-1b6a-4d8e-92cf-7d9c8b1e2a04",
      status: "completed",
      results: [row],
    };
    const bad = [
      [{ ...base, title: "a\u0000", completed_at: "2026-01-01T00:00:00Z" }, "title"],
      [{ ...base, completed_at: "0000-01-01T00:00:00Z" }, "completed_at"],
      [
        { ...base, completed_at: "2026-01-01T00:00:00Z", results: [{ ...row, prompt: "\ud800" }] },
        "results.0.prompt",
      ],
    ] as const;
    for (const [body, path] of bad) {
      const result = createReportInputSchema.safeParse(body);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
    }
    expect(
      createReportInputSchema.safeParse({
        ...base,
        completed_at: "2026-01-01T00:00:00Z",
        results: [{ ...row, prompt: "line one\nline two\tend" }],
      }).success,
    ).toBe(true);
  });

  it("a run's started_at", () => {
    expect(
      createRunInputSchema.safeParse({ status: "running", started_at: "0000-01-01T00:00:00Z", results: [] })
        .success,
    ).toBe(false);
  });

  it("a row that does not mention the brand has no position and no sentiment", () => {
    const result = resultRowSchema.safeParse({ ...row, mentioned: false });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["position", "sentiment"]);
    expect(
      resultRowSchema.safeParse({ ...row, mentioned: false, sentiment: null }).error?.issues,
    ).toHaveLength(1);
    expect(
      resultRowSchema.safeParse({ ...row, mentioned: false, position: null, sentiment: null }).success,
    ).toBe(true);
    // Mentioned without a known position is a real answer.
    expect(resultRowSchema.safeParse({ ...row, position: null }).success).toBe(true);
  });
});
