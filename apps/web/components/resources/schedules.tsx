"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { isNotFound } from "@/lib/errors";
import { formatLocal, formatPercent } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { EngineBars, TrendChart } from "@/public-page/charts";
import { SharePanel } from "../share-panel/share-panel";
import { EmptyState, ErrorState, PageHeader, Skeleton, StatusBadge } from "../ui";
import { ResultsTable } from "./results-table";
import { SummaryStats } from "./summary";
import "./charts.css";

export function SchedulesList() {
  const trpc = useTRPC();
  const schedules = useQuery(trpc.schedules.listScheduledReports.queryOptions());
  return (
    <>
      <PageHeader
        title="Schedules"
        description="Recurring reports. A shared schedule shows the trend across every completed run."
      />
      <div className="panel panel-flush">
        {schedules.isPending ? (
          <div className="panel-pad">
            <Skeleton lines={5} label="Loading schedules" />
          </div>
        ) : schedules.isError ? (
          <ErrorState
            error={schedules.error}
            onRetry={() => schedules.refetch()}
            title="Couldn't load schedules"
          />
        ) : schedules.data.length === 0 ? (
          <EmptyState title="No schedules yet">
            Scheduled reports appear here once your integration creates them.
          </EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="table table-list">
              <thead>
                <tr>
                  <th scope="col">Schedule</th>
                  <th scope="col">Cadence</th>
                  <th scope="col" className="num">
                    Runs
                  </th>
                  <th scope="col" className="hide-sm">
                    Last completed
                  </th>
                </tr>
              </thead>
              <tbody>
                {schedules.data.map((schedule) => (
                  <tr key={schedule.id}>
                    <td>
                      <Link className="row-link" href={`/schedules/${schedule.id}`}>
                        {schedule.name}
                      </Link>
                    </td>
                    <td className="capitalize">{schedule.cadence}</td>
                    <td className="num">
                      {schedule.completed_run_count}
                      <span className="muted"> / {schedule.run_count}</span>
                    </td>
                    <td className="hide-sm muted nowrap">{formatLocal(schedule.last_completed_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}

export function ScheduleDetailView({ id }: { id: string }) {
  const trpc = useTRPC();
  const schedule = useQuery(trpc.schedules.getScheduledReport.queryOptions({ id }));
  const [openRun, setOpenRun] = useState<string | null>(null);

  if (schedule.isPending) {
    return (
      <div className="panel panel-pad">
        <Skeleton lines={6} label="Loading schedule" />
      </div>
    );
  }
  if (schedule.isError) {
    return (
      <div className="panel">
        {isNotFound(schedule.error) ? (
          <EmptyState
            title="Schedule not found"
            action={
              <Link className="btn btn-secondary" href="/schedules">
                Back to schedules
              </Link>
            }
          >
            It may have been deleted, or it belongs to another workspace.
          </EmptyState>
        ) : (
          <ErrorState
            error={schedule.error}
            onRetry={() => schedule.refetch()}
            title="Couldn't load this schedule"
          />
        )}
      </div>
    );
  }
  const data = schedule.data;
  // Core's roll-up over the completed runs, as served: the same numbers a shared snapshot shows.
  const { summary, engines, trend, latest_run_id } = data.roll_up;
  const runsNewestFirst = [...data.runs].reverse();
  const expandedRun = runsNewestFirst.find((run) => run.id === (openRun ?? latest_run_id));

  return (
    <>
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link href="/schedules">Schedules</Link>
          </nav>
        }
        title={data.name}
        description={
          <span className="header-meta">
            <span className="badge badge-neutral capitalize">{data.cadence}</span>
            <span>
              {data.completed_run_count} of {data.run_count} runs completed
            </span>
            {data.last_completed_at ? (
              <span>Last completed {formatLocal(data.last_completed_at)}</span>
            ) : null}
          </span>
        }
      />
      <div className="detail-grid">
        <div className="detail-main stack">
          {data.completed_run_count === 0 ? (
            <div className="panel">
              <EmptyState title="No completed runs yet">
                The first run's results appear here when it completes. Failed and running runs are listed
                below.
              </EmptyState>
            </div>
          ) : (
            <>
              <SummaryStats
                summary={summary}
                extra={{ label: "Completed runs", value: String(data.completed_run_count) }}
              />
              <div className="two-col">
                <section className="panel panel-pad" aria-labelledby="trend-h">
                  <h2 id="trend-h">Visibility trend</h2>
                  <TrendChart trend={trend} />
                </section>
                <section className="panel panel-pad" aria-labelledby="engines-h">
                  <h2 id="engines-h">Visibility by engine</h2>
                  <EngineBars engines={engines} />
                </section>
              </div>
            </>
          )}
          <section className="panel" aria-labelledby="runs-h">
            <div className="panel-pad panel-head-row">
              <h2 id="runs-h">Runs</h2>
              <span className="muted small">{data.runs.length} total</span>
            </div>
            {data.runs.length === 0 ? (
              <EmptyState title="No runs yet">Runs appear here as the schedule executes.</EmptyState>
            ) : (
              <div className="table-scroll">
                <table className="table table-list" data-testid="runs-table">
                  <thead>
                    <tr>
                      <th scope="col">Started</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">
                        Visibility
                      </th>
                      <th scope="col" className="num hide-sm">
                        Results
                      </th>
                      <th scope="col" className="hide-md">
                        Completed
                      </th>
                      <th scope="col">
                        <span className="sr-only">Details</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {runsNewestFirst.map((run) => (
                      <tr key={run.id} className={expandedRun?.id === run.id ? "row-selected" : undefined}>
                        <td className="nowrap">{formatLocal(run.started_at)}</td>
                        <td>
                          <StatusBadge status={run.status} />
                        </td>
                        <td className="num">
                          {run.status === "completed" ? formatPercent(run.summary.visibility_rate) : "—"}
                        </td>
                        <td className="num hide-sm">{run.result_count}</td>
                        <td className="hide-md muted nowrap">{formatLocal(run.completed_at)}</td>
                        <td className="num">
                          {run.result_count > 0 ? (
                            <button
                              type="button"
                              className="btn btn-ghost btn-sm"
                              aria-pressed={expandedRun?.id === run.id}
                              aria-label={`Show results of the run started ${formatLocal(run.started_at)}`}
                              onClick={() => setOpenRun(run.id)}
                            >
                              Results
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {expandedRun ? (
            <section className="panel" aria-labelledby="run-results-h">
              <div className="panel-pad panel-head-row">
                <h2 id="run-results-h">Results of the run started {formatLocal(expandedRun.started_at)}</h2>
                <StatusBadge status={expandedRun.status} />
              </div>
              <ResultsTable rows={expandedRun.results} caption="Run results" />
            </section>
          ) : null}
        </div>
        <aside className="detail-aside">
          <SharePanel
            resource={{ type: "scheduled", id }}
            shareable={data.completed_run_count > 0}
            unshareableReason="A schedule can be shared once at least one of its runs has completed."
          />
        </aside>
      </div>
    </>
  );
}
