import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resultRow, sampleResultRows } from "../testing";
import { resultRowArbitrary } from "../testing/arbitraries";
import { summarize, summarizeByEngine } from "./visibility";

describe("summarize", () => {
  it("gives zero and null for no rows rather than dividing by zero", () => {
    expect(summarize([])).toEqual({ total: 0, mentioned: 0, visibility_rate: 0, average_position: null });
  });

  it("computes rate as mentioned/total and averages the positions of mentioned rows", () => {
    expect(summarize(sampleResultRows())).toEqual({
      total: 8,
      mentioned: 5,
      visibility_rate: 0.625,
      average_position: 2.5,
    });
  });

  it("leaves a mention without a rank out of the average but in the rate", () => {
    const rows = [resultRow({ position: 4 }), resultRow({ position: null })];
    expect(summarize(rows)).toMatchObject({ mentioned: 2, visibility_rate: 1, average_position: 4 });
  });

  it("gives a null average when no mentioned row has a position", () => {
    expect(
      summarize([resultRow({ position: null }), resultRow({ mentioned: false, position: null })]),
    ).toMatchObject({ visibility_rate: 0.5, average_position: null });
  });

  it("ignores a position on a row that does not mention the brand", () => {
    const rows = [resultRow({ position: 2 }), resultRow({ mentioned: false, position: 9 })];
    expect(summarize(rows).average_position).toBe(2);
  });

  it("rounds to four decimals", () => {
    const third = [resultRow(), resultRow({ mentioned: false }), resultRow({ mentioned: false })];
    expect(summarize(third).visibility_rate).toBe(0.3333);
    const twoThirds = [resultRow({ position: 1 }), resultRow({ position: 2 }), resultRow({ position: 2 })];
    expect(summarize(twoThirds).average_position).toBe(1.6667);
    const tenths = Array.from({ length: 10 }, (_, i) => resultRow({ mentioned: i < 3 }));
    expect(summarize(tenths).visibility_rate).toBe(0.3);
  });
});

describe("summarizeByEngine", () => {
  it("breaks the summary down per engine, engines in alphabetical order", () => {
    expect(summarizeByEngine(sampleResultRows())).toEqual([
      { engine: "chatgpt", total: 3, mentioned: 2, visibility_rate: 0.6667, average_position: 3 },
      { engine: "gemini", total: 2, mentioned: 1, visibility_rate: 0.5, average_position: null },
      { engine: "perplexity", total: 3, mentioned: 2, visibility_rate: 0.6667, average_position: 2 },
    ]);
  });

  it("is empty for no rows", () => {
    expect(summarizeByEngine([])).toEqual([]);
  });

  it("holds for any rows: rate in [0,1], mentioned <= total, engine totals add up", () => {
    fc.assert(
      fc.property(fc.array(resultRowArbitrary, { maxLength: 60 }), (rows) => {
        const summary = summarize(rows);
        const engines = summarizeByEngine(rows);
        expect(summary.visibility_rate).toBeGreaterThanOrEqual(0);
        expect(summary.visibility_rate).toBeLessThanOrEqual(1);
        expect(summary.mentioned).toBeLessThanOrEqual(summary.total);
        expect(summary.total).toBe(rows.length);
        expect(engines.reduce((sum, e) => sum + e.total, 0)).toBe(summary.total);
        expect(engines.reduce((sum, e) => sum + e.mentioned, 0)).toBe(summary.mentioned);
        for (const engine of engines) {
          expect(engine.visibility_rate).toBeGreaterThanOrEqual(0);
          expect(engine.visibility_rate).toBeLessThanOrEqual(1);
          expect(engine.mentioned).toBeLessThanOrEqual(engine.total);
        }
        if (summary.average_position !== null) {
          expect(summary.average_position).toBeGreaterThanOrEqual(1);
          expect(summary.average_position).toBeLessThanOrEqual(50);
        }
      }),
    );
  });
});
