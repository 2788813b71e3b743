import type { VisibilitySummary } from "@sharelinks/core";
import { formatPercent, formatPosition } from "@/lib/format";
import "./summary.css";

export function SummaryStats({
  summary,
  extra,
}: {
  summary: VisibilitySummary;
  extra?: { label: string; value: string };
}) {
  return (
    <dl className="stats">
      <div className="stat">
        <dt>Visibility rate</dt>
        <dd className="stat-accent">{formatPercent(summary.visibility_rate)}</dd>
      </div>
      <div className="stat">
        <dt>Mentions</dt>
        <dd>
          {summary.mentioned}
          <span className="stat-of"> / {summary.total}</span>
        </dd>
      </div>
      <div className="stat">
        <dt>Avg. position</dt>
        <dd>{summary.average_position === null ? "—" : `#${formatPosition(summary.average_position)}`}</dd>
      </div>
      {extra ? (
        <div className="stat">
          <dt>{extra.label}</dt>
          <dd>{extra.value}</dd>
        </div>
      ) : null}
    </dl>
  );
}
