"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatLocal } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { EmptyState, Icons, PageHeader, QueryView } from "../ui";

/** The brand's scheduled reports; a row opens the schedule with its runs. */
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
        <QueryView
          query={schedules}
          loadingLabel="Loading schedules"
          errorTitle="Couldn't load schedules"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState
              title="No schedules yet"
              icon={<Icons.ScheduleIcon />}
              tone="brand"
              action={
                <Link className="btn btn-primary" href="/docs">
                  See how schedules arrive
                </Link>
              }
            >
              Scheduled reports appear here once your integration creates them through the API.
            </EmptyState>
          }
        >
          {(list) => (
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
                  {list.map((schedule) => (
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
        </QueryView>
      </div>
    </>
  );
}
