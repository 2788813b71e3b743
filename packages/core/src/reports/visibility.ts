import type { ResultRow } from "./report";

export interface VisibilitySummary {
  total: number;
  mentioned: number;
  /** mentioned / total, 0 when there are no rows. */
  visibility_rate: number;
  /** Mean position over mentioned rows that have one; null when none do. */
  average_position: number | null;
}

export interface EngineVisibility extends VisibilitySummary {
  engine: string;
}

// Four decimals keep the JSON stable without float noise such as 0.30000000000000004.
const round = (value: number) => Math.round(value * 10_000) / 10_000;

export const summarize = (rows: readonly ResultRow[]): VisibilitySummary => {
  let mentioned = 0;
  let positionSum = 0;
  let positioned = 0;
  for (const row of rows) {
    if (!row.mentioned) continue;
    mentioned += 1;
    if (row.position !== null) {
      positionSum += row.position;
      positioned += 1;
    }
  }
  return {
    total: rows.length,
    mentioned,
    visibility_rate: rows.length === 0 ? 0 : round(mentioned / rows.length),
    average_position: positioned === 0 ? null : round(positionSum / positioned),
  };
};

/** Per-engine breakdown, engines in alphabetical order so snapshots are deterministic. */
export const summarizeByEngine = (rows: readonly ResultRow[]): EngineVisibility[] => {
  const byEngine = new Map<string, ResultRow[]>();
  for (const row of rows) {
    const list = byEngine.get(row.engine) ?? [];
    list.push(row);
    byEngine.set(row.engine, list);
  }
  return [...byEngine.keys()].sort().map((engine) => ({ engine, ...summarize(byEngine.get(engine) ?? []) }));
};
