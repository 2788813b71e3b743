"use client";

import type { ResultRow } from "@sharelinks/core";
import { engineLabel } from "@/lib/format";
import { EmptyState } from "../ui";
import "./results-table.css";

const SENTIMENT: Record<string, string> = { positive: "Positive", neutral: "Neutral", negative: "Negative" };

export function ResultsTable({ rows, caption }: { rows: ResultRow[]; caption: string }) {
  if (rows.length === 0) return <EmptyState title="No results">This has no result rows.</EmptyState>;
  return (
    <div className="table-scroll results-wrap">
      <table className="table table-results">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Prompt</th>
            <th scope="col">Engine</th>
            <th scope="col">Mentioned</th>
            <th scope="col" className="num">
              Position
            </th>
            <th scope="col">Sentiment</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td className="cell-prompt">{row.prompt}</td>
              <td data-label="Engine">{engineLabel(row.engine)}</td>
              <td data-label="Mentioned">
                <span className={row.mentioned ? "pill pill-yes" : "pill pill-no"}>
                  {row.mentioned ? "Yes" : "No"}
                </span>
              </td>
              <td className="num" data-label="Position">
                {row.position === null ? "—" : `#${row.position}`}
              </td>
              <td data-label="Sentiment" className={row.sentiment ? `sent-${row.sentiment}` : "muted"}>
                {row.sentiment ? SENTIMENT[row.sentiment] : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
