"use client";

import type { ShareItem } from "@sharelinks/api";
import { DEFAULT_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatLocal, relativeTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { BulkCancelDialog, bulkCancelOutcome } from "./bulk-cancel";
import { useToast } from "./toast";
import { Alert, Badge, Button, CopyButton, EmptyState, ErrorState, PageHeader, Skeleton } from "./ui";
import "./my-links.css";

type Status = "active" | "expired" | "all";
const FILTERS: Array<{ value: Status; label: string }> = [
  { value: "active", label: "Active" },
  { value: "expired", label: "Expired" },
  { value: "all", label: "All" },
];
const PAGE_SIZE = 20;

const resourceHref = (share: ShareItem) =>
  share.share_type === "report" ? `/reports/${share.resource_id}` : `/schedules/${share.resource_id}`;

export function MyLinks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [status, setStatus] = useState<Status>("active");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);

  const links = useInfiniteQuery(
    trpc.shares.listMyShares.infiniteQueryOptions(
      { status, limit: PAGE_SIZE },
      { getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined) },
    ),
  );
  const items = links.data?.pages.flatMap((page) => page.items) ?? [];
  const selectedIds = [...selected].filter((id) => items.some((item) => item.id === id));
  const allSelected = items.length > 0 && selectedIds.length === items.length;

  const invalidate = () => queryClient.invalidateQueries(trpc.shares.pathFilter());
  const cancel = useMutation(
    trpc.shares.cancelShares.mutationOptions({
      onSuccess: async ({ results }) => {
        await invalidate();
        setConfirming(false);
        setSelected(new Set());
        const outcome = bulkCancelOutcome(results);
        toast(outcome.toast);
        setOutcome(outcome.note);
      },
    }),
  );
  const renew = useMutation(
    trpc.shares.extendShare.mutationOptions({
      onSuccess: async (share) => {
        await invalidate();
        toast(`“${share.title}” is active again until ${formatLocal(share.expires_at)}`);
      },
    }),
  );

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

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
                setSelected(new Set());
                setOutcome(null);
              }}
            >
              {filter.label}
            </button>
          ))}
        </fieldset>
        {items.length > 0 ? (
          <label className="check small">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((item) => item.id)))}
            />
            <span>Select all loaded</span>
          </label>
        ) : null}
      </div>
      {outcome ? <Alert tone="warning">{outcome}</Alert> : null}
      {renew.error ? <Alert tone="error">Couldn't renew the link. {renew.error.message}</Alert> : null}

      <div className="panel panel-flush">
        {links.isPending ? (
          <div className="panel-pad">
            <Skeleton lines={5} label="Loading your links" />
          </div>
        ) : links.isError ? (
          <ErrorState error={links.error} onRetry={() => links.refetch()} title="Couldn't load your links" />
        ) : items.length === 0 ? (
          <EmptyState
            title={
              status === "expired"
                ? "No expired links"
                : status === "active"
                  ? "No active links"
                  : "No links yet"
            }
            action={
              status !== "expired" ? (
                <Link className="btn btn-primary" href="/reports">
                  Share a report
                </Link>
              ) : null
            }
          >
            {status === "expired"
              ? "Links you let expire show up here; you can renew them."
              : "Open a report or a schedule and create a link from its share panel."}
          </EmptyState>
        ) : (
          <ul className="link-list" data-testid="my-links">
            {items.map((share) => {
              const expired = share.status === "expired";
              return (
                <li key={share.id} className="link-item" data-testid="my-link-row" data-share-id={share.id}>
                  <input
                    type="checkbox"
                    className="row-check"
                    aria-label={`Select link to ${share.title}`}
                    checked={selected.has(share.id)}
                    onChange={() => toggle(share.id)}
                  />
                  <div className="link-main">
                    <div className="link-title-row">
                      <Link href={resourceHref(share)} className="link-title">
                        {share.title}
                      </Link>
                      <Badge tone="neutral">{share.share_type === "report" ? "Report" : "Schedule"}</Badge>
                      {expired ? <Badge tone="warning">Expired</Badge> : <Badge tone="success">Active</Badge>}
                    </div>
                    <div className="link-meta muted small">
                      <span>Created {formatLocal(share.created_at)}</span>
                      <span>
                        {expired ? "Expired" : "Expires"}{" "}
                        <time dateTime={share.expires_at} title={formatLocal(share.expires_at)}>
                          {relativeTime(share.expires_at)}
                        </time>
                      </span>
                      {share.white_label_config ? <span>Custom branding</span> : null}
                    </div>
                    {share.share_url && !expired ? <code className="link-url">{share.share_url}</code> : null}
                  </div>
                  <div className="link-actions">
                    {expired ? (
                      <Button
                        size="sm"
                        loading={renew.isPending && renew.variables?.share_id === share.id}
                        onClick={() =>
                          renew.mutate({ share_id: share.id, expiration_days: DEFAULT_EXPIRATION_DAYS })
                        }
                      >
                        Renew {DEFAULT_EXPIRATION_DAYS} days
                      </Button>
                    ) : share.share_url ? (
                      <CopyButton
                        size="sm"
                        text={share.share_url}
                        label="Copy"
                        copiedMessage="Link copied"
                        ariaLabel={`Copy link to ${share.title}`}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
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

      {selectedIds.length > 0 ? (
        <section className="bulk-bar bulk-bar-floating" aria-label="Bulk actions">
          <span>
            <strong>{selectedIds.length}</strong> selected
          </span>
          <div className="bulk-actions">
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
              Clear
            </Button>
            <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
              Cancel selected
            </Button>
          </div>
        </section>
      ) : null}

      <BulkCancelDialog
        open={confirming}
        count={selectedIds.length}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => {
          setConfirming(false);
          cancel.reset();
        }}
        onConfirm={() => cancel.mutate({ share_ids: selectedIds })}
      />
    </>
  );
}
