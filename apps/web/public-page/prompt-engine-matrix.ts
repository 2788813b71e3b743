import type { ResultRow } from "@sharelinks/core";

/** One engine's answer to one prompt, as a cell shows it. */
export type MatrixCell =
  | { kind: "ranked"; position: number; sentiment: ResultRow["sentiment"] }
  | { kind: "mentioned"; sentiment: ResultRow["sentiment"] }
  | { kind: "not_mentioned" }
  | { kind: "no_answer" };

export interface ResultsMatrix {
  /** Column order: engine ids, alphabetical (the order of the engine chart). */
  engines: string[];
  /** Row order: prompts in the order the results first ask them. */
  rows: Array<{ prompt: string; cells: MatrixCell[] }>;
}

const cellOf = (row: ResultRow): MatrixCell => {
  if (!row.mentioned) return { kind: "not_mentioned" };
  return row.position === null
    ? { kind: "mentioned", sentiment: row.sentiment }
    : { kind: "ranked", position: row.position, sentiment: row.sentiment };
};

/**
 * Results as prompts x engines, so a prompt is read once across every engine
 * instead of once per engine. A prompt an engine has no row for is
 * "no answer"; when a prompt/engine pair appears twice the first row counts,
 * as rows keep the order they were stored in.
 */
export const resultsMatrix = (results: readonly ResultRow[]): ResultsMatrix => {
  const engines = [...new Set(results.map((row) => row.engine))].sort((a, b) => a.localeCompare(b));
  const byPrompt = new Map<string, Map<string, ResultRow>>();
  for (const row of results) {
    const answers = byPrompt.get(row.prompt) ?? new Map<string, ResultRow>();
    if (!answers.has(row.engine)) answers.set(row.engine, row);
    byPrompt.set(row.prompt, answers);
  }
  return {
    engines,
    rows: [...byPrompt].map(([prompt, answers]) => ({
      prompt,
      cells: engines.map((engine) => {
        const row = answers.get(engine);
        return row ? cellOf(row) : { kind: "no_answer" };
      }),
    })),
  };
};
