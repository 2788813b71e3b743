/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ResultRow } from "@sharelinks/core";
import { engineLabel } from "./format";
import { type MatrixCell, resultsMatrix } from "./prompt-engine-matrix";

const SENTIMENT: Record<NonNullable<ResultRow["sentiment"]>, string> = {
  positive: "Positive",
  neutral: "Neutral",
  negative: "Negative",
};

function Cell({ cell }: { cell: MatrixCell }) {
  switch (cell.kind) {
    case "ranked":
    case "mentioned": {
      const sentiment = cell.sentiment ? SENTIMENT[cell.sentiment] : null;
      return (
        <>
          <span className="cell-main">{cell.kind === "ranked" ? `#${cell.position}` : "Mentioned"}</span>
          {sentiment ? <span className="cell-sub">{sentiment}</span> : null}
        </>
      );
    }
    case "not_mentioned":
      return <span className="cell-main">Not mentioned</span>;
    default:
      return (
        <span className="cell-main" title="No answer from this engine">
          —
        </span>
      );
  }
}

const cellClass = (cell: MatrixCell) =>
  `cell cell-${cell.kind.replace("_", "-")}${
    (cell.kind === "ranked" || cell.kind === "mentioned") && cell.sentiment ? ` sent-${cell.sentiment}` : ""
  }`;

/**
 * Results as a prompt x engine table: one row per prompt, one column per
 * engine, each cell the brand's position (or "Not mentioned") tinted by
 * sentiment. Static markup only: the public page renders it without client
 * script, the dashboard with its own stylesheet. On a narrow screen the CSS
 * turns each row into a card of engine chips (the engine's name comes from
 * `data-label`).
 */
export function ResultsMatrix({ results, caption }: { results: readonly ResultRow[]; caption: string }) {
  const matrix = resultsMatrix(results);
  if (matrix.rows.length === 0) return <p className="empty">This snapshot has no result rows.</p>;
  return (
    <div className="matrix-wrap">
      <table className="matrix" data-testid="results-matrix">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Prompt</th>
            {matrix.engines.map((engine) => (
              <th key={engine} scope="col" className="matrix-engine">
                {engineLabel(engine)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.prompt}>
              <th scope="row" className="matrix-prompt">
                {row.prompt}
              </th>
              {row.cells.map((cell, index) => {
                const engine = matrix.engines[index] ?? "";
                return (
                  <td key={engine} className={cellClass(cell)} data-label={engineLabel(engine)}>
                    <Cell cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="matrix-legend" aria-hidden="true">
        <span className="key sent-positive">Positive</span>
        <span className="key sent-neutral">Neutral</span>
        <span className="key sent-negative">Negative</span>
        <span className="key cell-not-mentioned">Not mentioned</span>
      </p>
    </div>
  );
}
