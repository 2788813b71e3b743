"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatLocal, formatPercent } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { EmptyState, Icons, PageHeader, QueryView, StatusBadge } from "../ui";

/** The brand's one-off reports, newest first; a row opens the report. */
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
