"use client";

import type { RunItem } from "@sharelinks/api";
import { formatLocal, formatPercent } from "@/lib/format";
import { EmptyState, Icons, StatusBadge } from "../ui";

/** A schedule's runs, newest first, with a button to show one run's results. */
export function RunsTable({
  runs,
  openRunId,
  onOpen,
}: {
  runs: RunItem[];
  openRunId: string | null;
  onOpen: (runId: string) => void;
}) {
  if (runs.length === 0) {
    return (
      <EmptyState title="No runs yet" icon={<Icons.ScheduleIcon />}>
        Runs appear here as the schedule executes.
      </EmptyState>
    );
  }
  return (
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
          {runs.map((run) => (
            <tr key={run.id} className={openRunId === run.id ? "row-selected" : undefined}>
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
                    aria-pressed={openRunId === run.id}
                    aria-label={`Show results of the run started ${formatLocal(run.started_at)}`}
                    onClick={() => onOpen(run.id)}
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
  );
}
