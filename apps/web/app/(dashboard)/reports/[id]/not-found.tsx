import { Breadcrumb } from "@/components/resources/breadcrumb";
import { ResourceNotFound } from "@/components/resources/resource-not-found";

/** An unknown report id: answered with HTTP 404, inside the dashboard. */
export default function ReportNotFound() {
  return (
    <>
      <Breadcrumb href="/reports" label="Reports" />
      <ResourceNotFound type="report" />
    </>
  );
}
