"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { isNotFound } from "@/lib/errors";
import { formatLocal, formatPercent } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { EngineBars } from "@/public-page/charts";
import { SharePanel } from "../share-panel/share-panel";
import { EmptyState, ErrorState, Icons, PageHeader, QueryView, Skeleton, StatusBadge } from "../ui";
import { ResultsTable } from "./results-table";
import { SummaryStats } from "./summary";
import "./charts.css";

export function ReportsList() {
  const trpc = useTRPC();
  const reports = useQuery(trpc.reports.listReports.queryOptions());
  return (
    <>
      <PageHeader
        title="Reports"
        description="One-off visibility reports for your brand. Open one to share it."
      />
      <div className="panel panel-flush">
        <QueryView
          query={reports}
          loadingLabel="Loading reports"
          errorTitle="Couldn't load reports"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState
              title="No reports yet"
              icon={<Icons.ReportIcon />}
              tone="brand"
              action={
                <Link className="btn btn-primary" href="/docs">
                  See how reports arrive
                </Link>
              }
            >
              Reports appear here once your integration sends them through the API.
            </EmptyState>
          }
        >
          {(list) => (
            <div className="table-scroll">
              <table className="table table-list">
                <thead>
                  <tr>
                    <th scope="col">Report</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Visibility
                    </th>
                    <th scope="col" className="num hide-sm">
                      Results
                    </th>
                    <th scope="col" className="hide-sm">
                      Completed
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((report) => (
                    <tr key={report.id}>
                      <td>
                        <Link className="row-link" href={`/reports/${report.id}`}>
                          {report.title}
                        </Link>
                      </td>
                      <td>
                        <StatusBadge status={report.status} />
                      </td>
                      <td className="num">
                        {report.status === "completed" ? formatPercent(report.summary.visibility_rate) : "—"}
                      </td>
                      <td className="num hide-sm">{report.result_count}</td>
                      <td className="hide-sm muted nowrap">{formatLocal(report.completed_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </div>
    </>
  );
}

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
        <Breadcrumb />
        <div className="panel">
          {isNotFound(report.error) ? (
            <EmptyState
              title="Report not found"
              action={
                <Link className="btn btn-secondary" href="/reports">
                  Back to reports
                </Link>
              }
            >
              It may have been deleted, or it belongs to another workspace.
            </EmptyState>
          ) : (
            <ErrorState
              error={report.error}
              onRetry={() => report.refetch()}
              title="Couldn't load this report"
            />
          )}
        </div>
      </>
    );
  }
  const data = report.data;
  const completed = data.status === "completed";
  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumb />}
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
                <EngineBars engines={data.engines} />
              </section>
              <section className="panel" aria-labelledby="results-h">
                <div className="panel-pad panel-head-row">
                  <h2 id="results-h">Results</h2>
                  <span className="muted small">{data.result_count} answers</span>
                </div>
                <ResultsTable rows={data.results} caption={`Results of ${data.title}`} />
              </section>
            </>
          ) : (
            <div className="panel">
              <EmptyState
                title={STATUS_TITLE[data.status] ?? "Not ready yet"}
                icon={data.status === "failed" ? "!" : "…"}
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

function Breadcrumb() {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href="/reports">Reports</Link>
    </nav>
  );
}
