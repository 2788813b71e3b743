import type { ResultRow } from "@sharelinks/core";
import { describe, expect, it } from "vitest";
import { resultsMatrix } from "./prompt-engine-matrix";
import { resultsMatrixHtml } from "./results-matrix";

const row = (
  prompt: string,
  engine: string,
  position: number | null,
  sentiment: ResultRow["sentiment"] = null,
) => ({
  prompt,
  engine,
  mentioned: position !== 0,
  position: position === 0 ? null : position,
  sentiment,
});

describe("results as prompts x engines", () => {
  it("puts each prompt on one row and each engine in one column", () => {
    const matrix = resultsMatrix([
      row("best crm", "gemini", 2, "positive"),
      row("best crm", "chatgpt", 0),
      row("cheap crm", "chatgpt", null, "negative"),
      row("cheap crm", "gemini", 1, "neutral"),
      row("best crm", "claude", 4),
    ]);
    expect(matrix.engines).toEqual(["chatgpt", "claude", "gemini"]);
    expect(matrix.rows).toEqual([
      {
        prompt: "best crm",
        cells: [
          { kind: "not_mentioned" },
          { kind: "ranked", position: 4, sentiment: null },
          { kind: "ranked", position: 2, sentiment: "positive" },
        ],
      },
      {
        prompt: "cheap crm",
        cells: [
          { kind: "mentioned", sentiment: "negative" },
          { kind: "no_answer" },
          { kind: "ranked", position: 1, sentiment: "neutral" },
        ],
      },
    ]);
  });

  it("keeps the first row when a prompt/engine pair repeats", () => {
    const matrix = resultsMatrix([row("p", "claude", 3), row("p", "claude", 1)]);
    expect(matrix.rows[0]?.cells).toEqual([{ kind: "ranked", position: 3, sentiment: null }]);
  });

  it("renders static markup: headers, positions, sentiment classes, escaped prompts", () => {
    const html = resultsMatrixHtml({
      caption: "Results",
      results: [row("<b>crm</b>", "chatgpt", 2, "positive"), row("<b>crm</b>", "perplexity", 0)],
    }).value;
    expect(html).toContain('<th scope="col">Prompt</th>');
    expect(html).toContain('<th scope="col" class="matrix-engine">ChatGPT</th>');
    expect(html).toContain('<th scope="row" class="matrix-prompt">&lt;b&gt;crm&lt;/b&gt;</th>');
    expect(html).toContain(
      '<td class="cell cell-ranked sent-positive" data-label="ChatGPT"><span class="cell-main">#2</span><span class="cell-sub">Positive</span></td>',
    );
    expect(html).toContain(
      '<td class="cell cell-not-mentioned" data-label="Perplexity"><span class="cell-main">Not mentioned</span></td>',
    );
    expect(html).not.toContain("<script");
  });

  it("says so when there are no results", () => {
    expect(resultsMatrixHtml({ caption: "x", results: [] }).value).toContain(
      "This snapshot has no result rows.",
    );
  });
});
