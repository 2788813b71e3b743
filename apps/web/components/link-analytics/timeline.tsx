"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { formatLocal } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { Button, QueryView } from "../ui";

const LABELS: Record<string, string> = {
  created: "Link created",
  refreshed: "Snapshot and branding refreshed",
  rotated: "Address rotated (the old one stopped working)",
  extended: "Expiry changed",
  revoked: "Revoked",
  removed: "Removed",
  cancelled: "Cancelled",
  expired: "Expired",
  first_viewed: "Opened for the first time",
};

/** The link's activity, newest first, 10 at a time. */
export function Timeline({ shareId }: { shareId: string }) {
  const trpc = useTRPC();
  const events = useInfiniteQuery(
    trpc.analytics.listShareEvents.infiniteQueryOptions(
      { share_id: shareId, limit: 10 },
      { getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined) },
    ),
  );
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <QueryView query={events} loadingLabel="Loading activity" errorTitle="Couldn't load the activity">
      {() => (
        <>
          <ol className="timeline" data-testid="timeline">
            {items.map((event) => (
              <li key={event.id} data-type={event.type}>
                <span className="timeline-what">{LABELS[event.type] ?? event.type}</span>
                <span className="muted small">
                  <time dateTime={event.at}>{formatLocal(event.at)}</time>
                  {event.actor ? ` · ${event.actor.name}` : ""}
                  {event.new_expires_at ? ` · until ${formatLocal(event.new_expires_at)}` : ""}
                </span>
              </li>
            ))}
          </ol>
          {events.hasNextPage ? (
            <Button size="sm" onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
              Older activity
            </Button>
          ) : null}
        </>
      )}
    </QueryView>
  );
}
