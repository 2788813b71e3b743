"use client";

import type { ShareItem } from "@sharelinks/api";
import { useId } from "react";
import { formatLocal, relativeTime } from "@/lib/format";
import type { useViewSummaries } from "../link-analytics/use-view-summaries";
import { ViewStats } from "../link-analytics/view-stats";
import { Badge, CopyButton } from "../ui";
import { ExtendLinkForm } from "./extend-link-form";
import { LinkPasswordForm } from "./link-password-form";
import { MyLinkActions } from "./my-link-actions";
import { PauseLink } from "./pause-link";
import { RefreshBrandingForm } from "./refresh-branding-form";
import type { ResourceRef } from "./resource";
import "./my-link.css";

/**
 * The caller's own link on this resource: the address to copy, its facts,
 * its views (with the detail drawer), pause, password, extend, branding,
 * rotate and revoke.
 */
export function MyLink({
  resource,
  share,
  brandColor,
  passwordRequired,
  views,
  onDetails,
}: {
  resource: ResourceRef;
  share: ShareItem;
  brandColor: string | null;
  /** The brand's policy requires a password on every link. */
  passwordRequired: boolean;
  views: ReturnType<typeof useViewSummaries>;
  onDetails: () => void;
}) {
  const urlId = useId();
  const url = share.share_url ?? "";
  return (
    <div className="my-link stack-sm" data-testid="my-link">
      <div className="row-between">
        <h3>Your link</h3>
        {share.paused_at ? <Badge tone="warning">Paused</Badge> : <Badge tone="success">Active</Badge>}
      </div>
      <label className="sr-only" htmlFor={urlId}>
        Share URL
      </label>
      <input
        id={urlId}
        type="text"
        className="url-input"
        readOnly
        value={url}
        data-testid="my-share-url"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="url-actions">
        <CopyButton text={url} label="Copy link" copiedMessage="Link copied to clipboard" variant="primary" />
        <a className="btn btn-secondary" href={url} target="_blank" rel="noopener noreferrer">
          Open in new tab
        </a>
      </div>
      <dl className="facts">
        <div>
          <dt>Expires</dt>
          <dd data-testid="my-share-expires">
            <time dateTime={share.expires_at}>{formatLocal(share.expires_at)}</time>{" "}
            <span className="muted">({relativeTime(share.expires_at)})</span>
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatLocal(share.created_at)}</dd>
        </div>
        <div>
          <dt>Branding</dt>
          <dd>{share.white_label_config ? "Custom for this link" : "Brand defaults"}</dd>
        </div>
      </dl>
      <ViewStats
        summary={views.summaryOf(share.id)}
        loading={views.loading}
        onDetails={onDetails}
        label="Views of your link"
      />
      {share.paused_at ? (
        <p className="muted small" data-testid="paused-note">
          Paused: anyone opening the link sees “not found” until you resume it. The address stays the same.
        </p>
      ) : null}
      <PauseLink share={share} />
      <LinkPasswordForm share={share} passwordRequired={passwordRequired} />
      <ExtendLinkForm share={share} />
      {/* Keyed by the link's branding: a saved refresh starts the form from what was saved. */}
      <RefreshBrandingForm
        key={JSON.stringify(share.white_label_config)}
        resource={resource}
        share={share}
        brandColor={brandColor}
      />
      <MyLinkActions resource={resource} />
    </div>
  );
}
