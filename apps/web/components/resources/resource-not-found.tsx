import Link from "next/link";
import { EmptyState, Icons } from "../ui";

const COPY = {
  report: { title: "Report not found", href: "/reports", back: "Back to reports" },
  scheduled: { title: "Schedule not found", href: "/schedules", back: "Back to schedules" },
} as const;

/** An id that names no report or schedule of this workspace (also the route's 404 page). */
export function ResourceNotFound({ type }: { type: keyof typeof COPY }) {
  const copy = COPY[type];
  return (
    <div className="panel" data-testid="resource-not-found">
      <EmptyState
        title={copy.title}
        icon={<Icons.SearchIcon />}
        action={
          <Link className="btn btn-primary" href={copy.href}>
            {copy.back}
          </Link>
        }
      >
        It may have been deleted, or it belongs to another workspace.
      </EmptyState>
    </div>
  );
}
