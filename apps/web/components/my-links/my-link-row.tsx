"use client";

import type { ShareItem } from "@sharelinks/api";
import type { ViewSummary } from "@sharelinks/core";
import { DEFAULT_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import Link from "next/link";
import { formatLocal, relativeTime } from "@/lib/format";
import { ViewStats } from "../link-analytics/view-stats";
import { Badge, Button, CopyButton } from "../ui";

const resourceHref = (share: ShareItem) =>
  share.share_type === "report" ? `/reports/${share.resource_id}` : `/schedules/${share.resource_id}`;

/**
 * One of the caller's links: what it shares, its state, and the one action
 * that fits (copy an active link, renew an expired one), and its views with
 * the button to the detail drawer.
 */
export function MyLinkRow({
  share,
  selected,
  onToggle,
  renewing,
  onRenew,
  summary,
  summaryLoading,
  onDetails,
}: {
  share: ShareItem;
  selected: boolean;
  onToggle: () => void;
  summary: ViewSummary | null;
  summaryLoading: boolean;
  onDetails: () => void;
  renewing: boolean;
  onRenew: () => void;
}) {
  const expired = share.status === "expired";
  return (
    <li className="link-item" data-testid="my-link-row" data-share-id={share.id}>
      <input
        type="checkbox"
        className="row-check"
        aria-label={`Select link to ${share.title}`}
        checked={selected}
        onChange={onToggle}
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
        <ViewStats
          summary={summary}
          loading={summaryLoading}
          onDetails={onDetails}
          label={`Views of the link to ${share.title}`}
        />
      </div>
      <div className="link-actions">
        {expired ? (
          <Button size="sm" loading={renewing} onClick={onRenew}>
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
}
