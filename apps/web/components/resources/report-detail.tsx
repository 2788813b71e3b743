"use client";

import { useQuery } from "@tanstack/react-query";
import { isNotFound } from "@/lib/errors";
import { formatLocal } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { engineBarsHtml } from "@/public-page/charts";
import { resultsMatrixHtml } from "@/public-page/results-matrix";
import { SharePanel } from "../share-panel/share-panel";
import { EmptyState, ErrorState, Icons, PageHeader, Skeleton, StaticMarkup, StatusBadge } from "../ui";
import { Breadcrumb } from "./breadcrumb";
import { ResourceNotFound } from "./resource-not-found";
import { SummaryStats } from "./summary";
import "./charts.css";
import "./results-matrix.css";

/** One report: its numbers, the prompt x engine results, and the share panel beside them. */
export function ReportDetailView({ id }: { id: string }) {
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.getReport.queryOptions({ id }));

  if (report.isPending) {
    return (
      <div className="detail-grid">
        <div className="panel panel-pad">
          <Skeleton lines={6} label="Loading report" />
        </div>
      </div>
    );
  }
  if (report.isError) {
    return (
      <>
        <Breadcrumb href="/reports" label="Reports" />
        {isNotFound(report.error) ? (
          <ResourceNotFound type="report" />
        ) : (
          <div className="panel">
            <ErrorState
              error={report.error}
              onRetry={() => report.refetch()}
              title="Couldn't load this report"
            />
          </div>
        )}
      </>
    );
  }
  const data = report.data;
  const completed = data.status === "completed";
  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumb href="/reports" label="Reports" />}
        title={data.title}
        description={
          <span className="header-meta">
            <StatusBadge status={data.status} />
            <span>
              {completed
                ? `Completed ${formatLocal(data.completed_at)}`
                : `Created ${formatLocal(data.created_at)}`}
            </span>
            <span>{data.result_count} results</span>
          </span>
        }
      />
      <div className="detail-grid">
        <div className="detail-main stack">
          {completed ? (
            <>
              <SummaryStats
                summary={data.summary}
                extra={{ label: "Engines", value: String(data.engines.length) }}
              />
              <section className="panel panel-pad" aria-labelledby="engines-h">
                <h2 id="engines-h">Visibility by engine</h2>
                <StaticMarkup html={engineBarsHtml(data.engines)} />
              </section>
              <section className="panel" aria-labelledby="results-h">
                <div className="panel-pad panel-head-row">
                  <h2 id="results-h">Results</h2>
                  <span className="muted small">{data.result_count} answers</span>
                </div>
                <StaticMarkup
                  html={resultsMatrixHtml({ results: data.results, caption: `Results of ${data.title}` })}
                />
              </section>
            </>
          ) : (
            <div className="panel">
              <EmptyState
                title={STATUS_TITLE[data.status] ?? "Not ready yet"}
                icon={data.status === "failed" ? <Icons.AlertIcon /> : <Icons.ScheduleIcon />}
                tone={data.status === "failed" ? "warning" : "neutral"}
              >
                {data.status === "failed"
                  ? "This report did not complete, so there are no results to show or share."
                  : "Results appear here, and the report can be shared, once it completes."}
              </EmptyState>
            </div>
          )}
        </div>
        <aside className="detail-aside">
          <SharePanel
            resource={{ type: "report", id }}
            shareable={completed}
            unshareableReason={`Only completed reports can be shared. This one is ${data.status}.`}
          />
        </aside>
      </div>
    </>
  );
}

const STATUS_TITLE: Record<string, string> = {
  queued: "This report is queued",
  running: "This report is still running",
  failed: "This report failed",
};
