"use client";

import type { ViewSummary } from "@sharelinks/core";
import { formatLocal, relativeTime } from "@/lib/format";
import { Sparkline } from "./sparkline";
import "./link-analytics.css";

const EMPTY_SPARKLINE = Array.from({ length: 30 }, () => 0);
const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;

/**
 * One link's views at a glance: views, unique visitors, last view ("Never
 * opened" before the first) and the 30-day sparkline, with the button that
 * opens the detail drawer. Bots and link previews are never counted here.
 */
export function ViewStats({
  summary,
  loading = false,
  onDetails,
  label,
}: {
  summary: ViewSummary | null;
  loading?: boolean;
  onDetails: () => void;
  /** Names the link for the details button ("Views of Alice's link"). */
  label: string;
}) {
  const views = summary?.views ?? 0;
  return (
    <div className="view-stats small" data-testid="view-stats" data-views={loading ? "" : views}>
      {loading ? (
        <span className="muted">Loading views…</span>
      ) : views === 0 ? (
        <span className="muted" data-testid="never-opened">
          Never opened
        </span>
      ) : (
        <>
          <span data-testid="view-count">{plural(views, "view")}</span>
          <span>{plural(summary?.unique_visitors ?? 0, "visitor")}</span>
          {summary?.last_viewed_at ? (
            <span className="muted">
              Last viewed{" "}
              <time dateTime={summary.last_viewed_at} title={formatLocal(summary.last_viewed_at)}>
                {relativeTime(summary.last_viewed_at)}
              </time>
            </span>
          ) : null}
        </>
      )}
      <Sparkline points={summary?.sparkline ?? EMPTY_SPARKLINE} />
      <button type="button" className="link-button" onClick={onDetails} aria-label={`${label}: details`}>
        Details
      </button>
    </div>
  );
}
