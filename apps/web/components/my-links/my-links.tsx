"use client";

import type { RouterInputs } from "@sharelinks/api";
import { DEFAULT_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "@/lib/errors";
import { formatLocal } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { AnalyticsDrawer } from "../link-analytics/analytics-drawer";
import { useViewSummaries } from "../link-analytics/use-view-summaries";
import { BulkRevokeBar, BulkRevokeDialog } from "../link-selection/bulk-revoke";
import { useLinkSelection } from "../link-selection/use-link-selection";
import { useToast } from "../toast";
import { Alert, Button, EmptyState, Icons, PageHeader, QueryView } from "../ui";
import { ExpiringSoon } from "./expiring-soon";
import { MyLinkRow } from "./my-link-row";
import "./my-links.css";

type Status = NonNullable<RouterInputs["shares"]["listMyShares"]["status"]>;
type Sort = NonNullable<RouterInputs["shares"]["listMyShares"]["sort"]>;
const SORTS: Array<{ value: Sort; label: string }> = [
  { value: "created", label: "Newest" },
  { value: "last_viewed", label: "Last viewed" },
];
const FILTERS: Array<{ value: Status; label: string }> = [
  { value: "active", label: "Active" },
  { value: "expired", label: "Expired" },
  { value: "all", label: "All" },
];
const PAGE_SIZE = 20;

const EMPTY: Record<Status, { title: string; text: string }> = {
  active: {
    title: "No active links",
    text: "Open a report or a schedule and create a link from its share panel.",
  },
  expiring: { title: "Nothing expiring soon", text: "Links within 7 days of their expiry show up here." },
  expired: { title: "No expired links", text: "Links you let expire show up here; you can renew them." },
  all: { title: "No links yet", text: "Open a report or a schedule and create a link from its share panel." },
};

/** Every link the caller created, across reports and schedules, a page at a time. */
export function MyLinks() {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [status, setStatus] = useState<Status>("active");
  const [sort, setSort] = useState<Sort>("created");
  const [details, setDetails] = useState<{ id: string; title: string } | null>(null);

  const links = useInfiniteQuery(
    trpc.shares.listMyShares.infiniteQueryOptions(
      { status, sort, limit: PAGE_SIZE },
      { getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined) },
    ),
  );
  const items = links.data?.pages.flatMap((page) => page.items) ?? [];
  const selection = useLinkSelection(items.map((item) => item.id));
  const views = useViewSummaries(items.map((item) => item.id));
  const renew = useMutation(
    trpc.shares.extendShare.mutationOptions({
      onSuccess: async (share) => {
        await invalidate();
        toast(`“${share.title}” is active again until ${formatLocal(share.expires_at)}`);
      },
    }),
  );

  return (
    <>
      <PageHeader
        title="My links"
        description="Every share link you created, across reports and schedules."
      />
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="sr-only">Filter by status</legend>
          {FILTERS.map((filter) => (
            <button
              key={filter.value}
              type="button"
              aria-pressed={status === filter.value}
              className={status === filter.value ? "active" : undefined}
              onClick={() => {
                setStatus(filter.value);
                selection.reset();
              }}
            >
              {filter.label}
            </button>
          ))}
        </fieldset>
        <fieldset className="segmented">
          <legend className="sr-only">Sort</legend>
          {SORTS.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={sort === option.value}
              className={sort === option.value ? "active" : undefined}
              onClick={() => {
                setSort(option.value);
                selection.reset();
              }}
            >
              {option.label}
            </button>
          ))}
        </fieldset>
        {items.length > 0 ? (
          <label className="check small">
            <input type="checkbox" checked={selection.allSelected} onChange={selection.toggleAll} />
            <span>Select all loaded</span>
          </label>
        ) : null}
      </div>
      <ExpiringSoon />
      {selection.outcome ? <Alert tone="warning">{selection.outcome}</Alert> : null}
      {renew.error ? <Alert tone="error">Couldn't renew the link. {errorMessage(renew.error)}</Alert> : null}

      <div className="panel panel-flush">
        <QueryView
          query={links}
          loadingLabel="Loading your links"
          errorTitle="Couldn't load your links"
          isEmpty={() => items.length === 0}
          empty={
            <EmptyState
              title={EMPTY[status].title}
              icon={status === "expired" ? <Icons.ScheduleIcon /> : <Icons.LinkIcon />}
              tone={status === "expired" ? "neutral" : "brand"}
              action={
                status === "expired" ? (
                  <Button onClick={() => setStatus("active")}>Show active links</Button>
                ) : (
                  <Link className="btn btn-primary" href="/reports">
                    Share a report
                  </Link>
                )
              }
            >
              {EMPTY[status].text}
            </EmptyState>
          }
        >
          {() => (
            <ul className="link-list" data-testid="my-links">
              {items.map((share) => (
                <MyLinkRow
                  key={share.id}
                  share={share}
                  selected={selection.isSelected(share.id)}
                  onToggle={() => selection.toggle(share.id)}
                  summary={views.summaryOf(share.id)}
                  summaryLoading={views.loading}
                  onDetails={() => setDetails({ id: share.id, title: share.title })}
                  renewing={renew.isPending && renew.variables?.share_id === share.id}
                  onRenew={() =>
                    renew.mutate({ share_id: share.id, expiration_days: DEFAULT_EXPIRATION_DAYS })
                  }
                />
              ))}
            </ul>
          )}
        </QueryView>
        {links.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => links.fetchNextPage()} loading={links.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        ) : null}
        {links.isFetchNextPageError ? (
          <div className="panel-pad">
            <Alert tone="error">Couldn't load more links. Try again.</Alert>
          </div>
        ) : null}
      </div>

      <AnalyticsDrawer
        shareId={details?.id ?? null}
        title={details ? `Views of “${details.title}”` : ""}
        onClose={() => setDetails(null)}
      />
      <BulkRevokeBar selection={selection} floating />
      <BulkRevokeDialog selection={selection} />
    </>
  );
}
