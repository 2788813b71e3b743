"use client";

import type { ShareItem } from "@sharelinks/api";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatLocal, personName, relativeTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import type { useViewSummaries } from "../link-analytics/use-view-summaries";
import { ViewStats } from "../link-analytics/view-stats";
import { BulkRevokeBar, BulkRevokeDialog } from "../link-selection/bulk-revoke";
import { useLinkSelection } from "../link-selection/use-link-selection";
import { useToast } from "../toast";
import { Alert, Button, ConfirmDialog } from "../ui";
import { nounOf, type ResourceRef } from "./resource";
import "./team-links.css";

/** Teammates' links shown before "Show all": a resource can hold 50. */
const COLLAPSED_ROWS = 8;

/**
 * Teammates' links on this resource. Everyone sees them (without their
 * addresses); a manager can revoke them, one at a time or selected together.
 */
export function TeamLinks({
  resource,
  shares,
  isManager,
  views,
  onDetails,
}: {
  resource: ResourceRef;
  shares: ShareItem[];
  isManager: boolean;
  views: ReturnType<typeof useViewSummaries>;
  onDetails: (share: ShareItem, ownerName: string) => void;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [revoking, setRevoking] = useState<ShareItem | null>(null);
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  const revocable = shares.filter((share) => share.can_remove);
  const selection = useLinkSelection(revocable.map((share) => share.id));

  const revoke = useMutation(
    trpc.shares.removeShare.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setRevoking(null);
        toast("Link revoked");
      },
    }),
  );

  return (
    <div className="team-links" data-testid="team-shares">
      <div className="row-between">
        <h3 id={headingId}>
          Teammates' links <span className="count">{shares.length}</span>
        </h3>
        {revocable.length > 0 ? (
          <label className="check small">
            <input type="checkbox" checked={selection.allSelected} onChange={selection.toggleAll} />
            <span>Select all</span>
          </label>
        ) : null}
      </div>
      {selection.outcome ? <Alert tone="warning">{selection.outcome}</Alert> : null}
      {shares.length === 0 ? (
        <p className="muted small empty-inline">
          No one else on your team has shared this {nounOf(resource)}.
        </p>
      ) : (
        <ul className="share-list" aria-labelledby={headingId}>
          {(showAll ? shares : shares.slice(0, COLLAPSED_ROWS)).map((share) => (
            <TeamLinkRow
              key={share.id}
              share={share}
              selected={selection.isSelected(share.id)}
              onToggle={() => selection.toggle(share.id)}
              onRevoke={() => setRevoking(share)}
              views={views}
              onDetails={() => onDetails(share, personName(share.owner))}
            />
          ))}
        </ul>
      )}
      {shares.length > COLLAPSED_ROWS ? (
        <Button size="sm" variant="ghost" onClick={() => setShowAll((all) => !all)} aria-expanded={showAll}>
          {showAll ? "Show fewer" : `Show all ${shares.length} links`}
        </Button>
      ) : null}
      {shares.length > 0 && !isManager && revocable.length === 0 ? (
        <p className="muted small">Only managers can revoke teammates' links.</p>
      ) : null}
      <BulkRevokeBar selection={selection} />

      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this link?"
        confirmLabel="Revoke link"
        cancelLabel="Keep link"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => {
          if (revoking) revoke.mutate({ share_id: revoking.id });
        }}
      >
        <p>
          {revoking ? `${personName(revoking.owner)}'s` : "This"} link stops working immediately. The{" "}
          {nounOf(resource)} itself is not affected.
        </p>
      </ConfirmDialog>
      <BulkRevokeDialog selection={selection} />
    </div>
  );
}

function TeamLinkRow({
  share,
  selected,
  onToggle,
  onRevoke,
  views,
  onDetails,
}: {
  share: ShareItem;
  selected: boolean;
  onToggle: () => void;
  onRevoke: () => void;
  views: ReturnType<typeof useViewSummaries>;
  onDetails: () => void;
}) {
  const owner = personName(share.owner);
  return (
    <li className="share-row" data-testid="share-row" data-owner={share.owner?.email ?? ""}>
      {share.can_remove ? (
        <input
          type="checkbox"
          className="row-check"
          aria-label={`Select ${owner}'s link`}
          checked={selected}
          onChange={onToggle}
        />
      ) : (
        <span className="row-check-spacer" aria-hidden="true" />
      )}
      <span className="avatar avatar-sm" aria-hidden="true">
        {owner.charAt(0).toUpperCase()}
      </span>
      <div className="share-row-main">
        <span className="share-owner">{owner}</span>
        <span className="muted small">
          Created {formatLocal(share.created_at)} · Expires{" "}
          <time dateTime={share.expires_at} title={formatLocal(share.expires_at)}>
            {relativeTime(share.expires_at)}
          </time>
        </span>
        <ViewStats
          summary={views.summaryOf(share.id)}
          loading={views.loading}
          onDetails={onDetails}
          label={`Views of ${owner}'s link`}
        />
      </div>
      {share.can_remove ? (
        <Button size="sm" variant="danger-ghost" onClick={onRevoke} aria-label={`Revoke ${owner}'s link`}>
          Revoke
        </Button>
      ) : null}
    </li>
  );
}
