import type { ResultRow } from "@sharelinks/core";
import { engineLabel } from "./format";
import { EM_DASH, type Html, html } from "./html";
import { type MatrixCell, resultsMatrix } from "./prompt-engine-matrix";

const SENTIMENT: Record<NonNullable<ResultRow["sentiment"]>, string> = {
  positive: "Positive",
  neutral: "Neutral",
  negative: "Negative",
};

const cellContent = (cell: MatrixCell): Html => {
  switch (cell.kind) {
    case "ranked":
    case "mentioned": {
      const sentiment = cell.sentiment ? SENTIMENT[cell.sentiment] : null;
      return html`<span class="cell-main">${cell.kind === "ranked" ? `#${cell.position}` : "Mentioned"}</span>${
        sentiment ? html`<span class="cell-sub">${sentiment}</span>` : null
      }`;
    }
    case "not_mentioned":
      return html`<span class="cell-main">Not mentioned</span>`;
    default:
      return html`<span class="cell-main" title="No answer from this engine">${EM_DASH}</span>`;
  }
};

const cellClass = (cell: MatrixCell) =>
  `cell cell-${cell.kind.replace("_", "-")}${
    (cell.kind === "ranked" || cell.kind === "mentioned") && cell.sentiment ? ` sent-${cell.sentiment}` : ""
  }`;

/**
 * Results as a prompt x engine table: one row per prompt, one column per
 * engine, each cell the brand's position (or "Not mentioned") tinted by
 * sentiment. Static markup only: the public page inlines it without client
 * script, the dashboard shows the same markup with its own stylesheet
 * (components/ui/static-markup.tsx). On a narrow screen the CSS turns each
 * row into a card of engine chips (the engine's name comes from `data-label`).
 */
export const resultsMatrixHtml = ({
  results,
  caption,
}: {
  results: readonly ResultRow[];
  caption: string;
}): Html => {
  const matrix = resultsMatrix(results);
  if (matrix.rows.length === 0) return html`<p class="empty">This snapshot has no result rows.</p>`;
  const labels = matrix.engines.map(engineLabel);
  return html`<div class="matrix-wrap"><table class="matrix" data-testid="results-matrix"><caption class="sr-only">${caption}</caption><thead><tr><th scope="col">Prompt</th>${labels.map(
    (label) => html`<th scope="col" class="matrix-engine">${label}</th>`,
  )}</tr></thead><tbody>${matrix.rows.map(
    (row) =>
      html`<tr><th scope="row" class="matrix-prompt">${row.prompt}</th>${row.cells.map(
        (cell, index) =>
          html`<td class="${cellClass(cell)}" data-label="${labels[index] ?? engineLabel("")}">${cellContent(cell)}</td>`,
      )}</tr>`,
  )}</tbody></table><p class="matrix-legend" aria-hidden="true"><span class="key sent-positive">Positive</span><span class="key sent-neutral">Neutral</span><span class="key sent-negative">Negative</span><span class="key cell-not-mentioned">Not mentioned</span></p></div>`;
};
