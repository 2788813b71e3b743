import { Breadcrumb } from "@/components/resources/breadcrumb";
import { ResourceNotFound } from "@/components/resources/resource-not-found";

/** An unknown schedule id: answered with HTTP 404, inside the dashboard. */
export default function ScheduleNotFound() {
  return (
    <>
      <Breadcrumb href="/schedules" label="Schedules" />
      <ResourceNotFound type="scheduled" />
    </>
  );
}
