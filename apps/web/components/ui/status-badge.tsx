import { Badge, type BadgeTone } from "./badge";

/** Report, run, link and key statuses share one colour language. */
const STATUS_TONES: Record<string, BadgeTone> = {
  completed: "success",
  active: "success",
  running: "info",
  queued: "neutral",
  failed: "danger",
  expired: "warning",
  revoked: "neutral",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={STATUS_TONES[status] ?? "neutral"}>{status.charAt(0).toUpperCase() + status.slice(1)}</Badge>
  );
}
