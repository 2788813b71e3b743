"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isNotFound } from "@/lib/errors";
import { formatLocal } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { engineBarsHtml, trendChartHtml } from "@/public-page/charts";
import { resultsMatrixHtml } from "@/public-page/results-matrix";
import { SharePanel } from "../share-panel/share-panel";
import { EmptyState, ErrorState, Icons, PageHeader, Skeleton, StaticMarkup, StatusBadge } from "../ui";
import { Breadcrumb } from "./breadcrumb";
import { ResourceNotFound } from "./resource-not-found";
import { RunsTable } from "./runs-table";
import { SummaryStats } from "./summary";
import "./charts.css";
import "./results-matrix.css";

/**
 * One schedule: core's roll-up over its completed runs (the numbers a shared
 * snapshot shows), every run with its status, one run's results, the share panel.
 */
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
      <>
        <Breadcrumb href="/schedules" label="Schedules" />
        {isNotFound(schedule.error) ? (
          <ResourceNotFound type="scheduled" />
        ) : (
          <div className="panel">
            <ErrorState
              error={schedule.error}
              onRetry={() => schedule.refetch()}
              title="Couldn't load this schedule"
            />
          </div>
        )}
      </>
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
        eyebrow={<Breadcrumb href="/schedules" label="Schedules" />}
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
              <EmptyState title="No completed runs yet" icon={<Icons.ScheduleIcon />}>
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
                  <StaticMarkup html={trendChartHtml(trend)} />
                </section>
                <section className="panel panel-pad" aria-labelledby="engines-h">
                  <h2 id="engines-h">Visibility by engine</h2>
                  <StaticMarkup html={engineBarsHtml(engines)} />
                </section>
              </div>
            </>
          )}
          <section className="panel" aria-labelledby="runs-h">
            <div className="panel-pad panel-head-row">
              <h2 id="runs-h">Runs</h2>
              <span className="muted small">{data.runs.length} total</span>
            </div>
            <RunsTable runs={runsNewestFirst} openRunId={expandedRun?.id ?? null} onOpen={setOpenRun} />
          </section>
          {expandedRun ? (
            <section className="panel" aria-labelledby="run-results-h">
              <div className="panel-pad panel-head-row">
                <h2 id="run-results-h">Results of the run started {formatLocal(expandedRun.started_at)}</h2>
                <StatusBadge status={expandedRun.status} />
              </div>
              <StaticMarkup
                html={resultsMatrixHtml({ results: expandedRun.results, caption: "Run results" })}
              />
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
