"use client";

import type { ShareItem } from "@sharelinks/api";
import { DEFAULT_EXPIRATION_DAYS, MAX_EXPIRATION_DAYS, MIN_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { errorMessage, fieldErrorsOf, shareLimitOf } from "@/lib/errors";
import { formatLocal, personName, relativeTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useMe } from "../app-shell";
import { BulkCancelDialog, bulkCancelOutcome } from "../bulk-cancel";
import { useToast } from "../toast";
import { Alert, Badge, Button, ConfirmDialog, CopyButton, ErrorState, Field, Skeleton } from "../ui";
import {
  configFrom,
  draftFrom,
  emptyWhiteLabel,
  type WhiteLabelDraft,
  WhiteLabelFields,
} from "./white-label-fields";
import "./share-panel.css";

export interface ResourceRef {
  type: "report" | "scheduled";
  id: string;
}

/** Teammates' links shown before "Show all": a resource can hold 50. */
const COLLAPSED_ROWS = 8;
const PRESETS = [7, DEFAULT_EXPIRATION_DAYS, 90, MAX_EXPIRATION_DAYS];
const nounOf = (resource: ResourceRef) => (resource.type === "report" ? "report" : "schedule");

/** Days field value -> number for the API; anything unparsable goes through as-is so the API explains. */
const daysValue = (raw: string): number => {
  const trimmed = raw.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
};

/**
 * Everything about sharing one report or schedule: the caller's link, the
 * create form, the teammates' links and the 50-link cap. Used by both
 * detail pages.
 */
export function SharePanel({
  resource,
  shareable,
  unshareableReason,
}: {
  resource: ResourceRef;
  shareable: boolean;
  unshareableReason?: string;
}) {
  const trpc = useTRPC();
  const shares = useQuery(trpc.shares.listResourceShares.queryOptions(resource));
  const me = useMe();
  const headingId = useId();

  return (
    <section className="panel share-panel" aria-labelledby={headingId} data-testid="share-panel">
      <div className="panel-head">
        <div>
          <h2 id={headingId}>Share</h2>
          <p className="muted small">Anyone with the link can view a read-only snapshot until it expires.</p>
        </div>
        {shares.data ? <CapMeter active={shares.data.activeCount} limit={shares.data.limit} /> : null}
      </div>
      {shares.isPending ? (
        <Skeleton lines={4} label="Loading share links" />
      ) : shares.isError ? (
        <ErrorState error={shares.error} onRetry={() => shares.refetch()} title="Couldn't load share links" />
      ) : (
        <ShareBody
          resource={resource}
          shares={shares.data.shares}
          activeCount={shares.data.activeCount}
          limit={shares.data.limit}
          shareable={shareable}
          unshareableReason={unshareableReason}
          isManager={me.data?.user.role === "manager"}
        />
      )}
    </section>
  );
}

function CapMeter({ active, limit }: { active: number; limit: number }) {
  const ratio = limit > 0 ? Math.min(1, active / limit) : 0;
  const tone = active >= limit ? "full" : ratio >= 0.8 ? "high" : "ok";
  return (
    <div className={`cap cap-${tone}`} data-testid="cap-meter">
      <span className="cap-text">
        <strong>{active}</strong> of {limit} links in use
      </span>
      <span className="cap-bar" aria-hidden="true">
        <span style={{ width: `${ratio * 100}%` }} />
      </span>
    </div>
  );
}

function ShareBody({
  resource,
  shares,
  activeCount,
  limit,
  shareable,
  unshareableReason,
  isManager,
}: {
  resource: ResourceRef;
  shares: ShareItem[];
  activeCount: number;
  limit: number;
  shareable: boolean;
  unshareableReason?: string;
  isManager: boolean;
}) {
  const mine = shares.find((share) => share.is_mine) ?? null;
  const others = shares.filter((share) => !share.is_mine);
  return (
    <div className="stack">
      {mine ? (
        <MyLink resource={resource} share={mine} />
      ) : shareable ? (
        <CreateLinkForm resource={resource} atCap={activeCount >= limit} limit={limit} />
      ) : (
        <Alert tone="info" title={`This ${nounOf(resource)} can't be shared yet`}>
          {unshareableReason}
        </Alert>
      )}
      <TeamLinks resource={resource} shares={others} isManager={isManager} />
    </div>
  );
}

/** After any share mutation, every share list (this resource, My links) is stale. */
const useInvalidateShares = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.shares.pathFilter());
};

function CreateLinkForm({
  resource,
  atCap,
  limit,
}: {
  resource: ResourceRef;
  atCap: boolean;
  limit: number;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [days, setDays] = useState(String(DEFAULT_EXPIRATION_DAYS));
  const [branding, setBranding] = useState<WhiteLabelDraft>(emptyWhiteLabel);
  const [showBranding, setShowBranding] = useState(false);
  const create = useMutation(
    trpc.shares.createShare.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        toast("Share link created");
      },
      // The cap or the resource may have changed under us: show the current counts.
      onError: () => invalidate(),
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const limitHit = shareLimitOf(create.error);
  const bannerError =
    create.error && !limitHit && !errors.expiration_days && !hasBrandingError(errors) ? create.error : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const white_label_config = configFrom(branding);
    create.mutate({
      resource,
      expiration_days: daysValue(days),
      ...(white_label_config ? { white_label_config } : {}),
    });
  };

  return (
    <form className="create-link stack-sm" onSubmit={onSubmit} noValidate aria-label="Create a share link">
      <h3>Create your link</h3>
      {atCap || limitHit ? (
        <Alert tone="warning" title="Link limit reached">
          All {limitHit?.limit ?? limit} links for this {nounOf(resource)} are in use across your team. Remove
          an unused link below, or ask a manager to, before creating another.
        </Alert>
      ) : null}
      {bannerError ? <Alert tone="error">{errorMessage(bannerError)}</Alert> : null}
      <Field
        label="Expires after (days)"
        error={errors.expiration_days}
        hint={`Between ${MIN_EXPIRATION_DAYS} and ${MAX_EXPIRATION_DAYS} days.`}
      >
        {(props) => (
          <div className="days-row">
            <input
              {...props}
              name="expiration_days"
              type="number"
              inputMode="numeric"
              min={MIN_EXPIRATION_DAYS}
              max={MAX_EXPIRATION_DAYS}
              step={1}
              className="input-days"
              value={days}
              onChange={(event) => setDays(event.target.value)}
            />
            <fieldset className="presets">
              <legend className="sr-only">Expiry presets</legend>
              {PRESETS.map((preset) => (
                <button
                  key={preset}
                  type="button"
                  className={days === String(preset) ? "chip active" : "chip"}
                  aria-pressed={days === String(preset)}
                  onClick={() => setDays(String(preset))}
                >
                  {preset === MAX_EXPIRATION_DAYS ? "1 year" : `${preset} days`}
                </button>
              ))}
            </fieldset>
          </div>
        )}
      </Field>
      <div className="disclosure">
        <button
          type="button"
          className="disclosure-toggle"
          aria-expanded={showBranding || hasBrandingError(errors)}
          onClick={() => setShowBranding((open) => !open)}
        >
          <span aria-hidden="true" className="chevron" />
          <span className="disclosure-label">Customize branding</span>
          <span className="muted small disclosure-note">Optional</span>
        </button>
        {showBranding || hasBrandingError(errors) ? (
          <div className="disclosure-body">
            <WhiteLabelFields value={branding} onChange={setBranding} errors={errors} />
          </div>
        ) : null}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={create.isPending} disabled={atCap}>
          Create link
        </Button>
      </div>
    </form>
  );
}

const hasBrandingError = (errors: Record<string, string>) =>
  Object.keys(errors).some((key) => key.startsWith("white_label_config"));

function MyLink({ resource, share }: { resource: ResourceRef; share: ShareItem }) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [extendDays, setExtendDays] = useState(String(DEFAULT_EXPIRATION_DAYS));
  const [dialog, setDialog] = useState<"rotate" | "revoke" | null>(null);
  const [editBranding, setEditBranding] = useState(false);
  const [branding, setBranding] = useState<WhiteLabelDraft>(() => draftFrom(share.white_label_config));
  const urlId = useId();

  const extend = useMutation(
    trpc.shares.extendShare.mutationOptions({
      onSuccess: async (updated) => {
        await invalidate();
        toast(`Link now expires ${formatLocal(updated.expires_at)}`);
      },
    }),
  );
  const rotate = useMutation(
    trpc.shares.createShare.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setDialog(null);
        toast("New link created. The old link no longer works.");
      },
    }),
  );
  const refresh = useMutation(
    trpc.shares.createShare.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setEditBranding(false);
        toast("Link updated with a fresh snapshot");
      },
    }),
  );
  const revoke = useMutation(
    trpc.shares.revokeMyShares.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setDialog(null);
        toast("Your link was revoked");
      },
    }),
  );
  const extendErrors = fieldErrorsOf(extend.error);
  const refreshErrors = fieldErrorsOf(refresh.error);
  const url = share.share_url ?? "";

  return (
    <div className="my-link stack-sm" data-testid="my-link">
      <div className="row-between">
        <h3>Your link</h3>
        <Badge tone="success">Active</Badge>
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

      <form
        className="extend-form"
        noValidate
        aria-label="Extend your link"
        onSubmit={(event) => {
          event.preventDefault();
          extend.mutate({ share_id: share.id, expiration_days: daysValue(extendDays) });
        }}
      >
        <Field label="Extend to this many days from now" error={extendErrors.expiration_days}>
          {(props) => (
            <div className="inline-form">
              <input
                {...props}
                name="extend_days"
                type="number"
                inputMode="numeric"
                min={MIN_EXPIRATION_DAYS}
                max={MAX_EXPIRATION_DAYS}
                className="input-days"
                value={extendDays}
                onChange={(event) => setExtendDays(event.target.value)}
              />
              <Button type="submit" loading={extend.isPending}>
                Extend
              </Button>
            </div>
          )}
        </Field>
        {extend.error && !extendErrors.expiration_days ? (
          <Alert tone="error">{errorMessage(extend.error)}</Alert>
        ) : null}
      </form>

      <div className="disclosure">
        <button
          type="button"
          className="disclosure-toggle"
          aria-expanded={editBranding}
          onClick={() => setEditBranding((open) => !open)}
        >
          <span aria-hidden="true" className="chevron" />
          Branding and snapshot
        </button>
        {editBranding ? (
          <form
            className="disclosure-body stack-sm"
            noValidate
            aria-label="Update branding"
            onSubmit={(event) => {
              event.preventDefault();
              refresh.mutate({ resource, white_label_config: configFrom(branding) });
            }}
          >
            <p className="muted small">
              Saving refreshes the snapshot with the latest data; the address and expiry stay the same.
            </p>
            {refresh.error && !hasBrandingError(refreshErrors) ? (
              <Alert tone="error">{errorMessage(refresh.error)}</Alert>
            ) : null}
            <WhiteLabelFields value={branding} onChange={setBranding} errors={refreshErrors} />
            <div className="form-actions">
              <Button type="submit" variant="primary" loading={refresh.isPending}>
                Save and refresh
              </Button>
            </div>
          </form>
        ) : null}
      </div>

      <div className="action-row">
        <Button onClick={() => setDialog("rotate")}>Rotate link</Button>
        <Button variant="danger-ghost" onClick={() => setDialog("revoke")}>
          Revoke my link
        </Button>
      </div>

      <ConfirmDialog
        open={dialog === "rotate"}
        title="Rotate this link?"
        confirmLabel="Rotate link"
        pending={rotate.isPending}
        error={rotate.error}
        onClose={() => {
          setDialog(null);
          rotate.reset();
        }}
        onConfirm={() => rotate.mutate({ resource, rotate: true, keep_settings: true })}
      >
        <p>
          You get a new address and <strong>the current link stops working immediately</strong>: anyone who
          opens it will see “Link not found”. Send the new link to the people who should keep access.
        </p>
        <p className="muted small">Branding and remaining time are kept.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "revoke"}
        title="Revoke your link?"
        confirmLabel="Revoke link"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setDialog(null);
          revoke.reset();
        }}
        onConfirm={() => revoke.mutate(resource)}
      >
        <p>
          The link stops working immediately. Your teammates' links to this {nounOf(resource)} are not
          affected.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function TeamLinks({
  resource,
  shares,
  isManager,
}: {
  resource: ResourceRef;
  shares: ShareItem[];
  isManager: boolean;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<{ kind: "one"; share: ShareItem } | { kind: "bulk" } | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();

  const removable = shares.filter((share) => share.can_remove);
  const selectedIds = [...selected].filter((id) => removable.some((share) => share.id === id));
  const allSelected = removable.length > 0 && selectedIds.length === removable.length;

  const remove = useMutation(
    trpc.shares.removeShare.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setConfirm(null);
        toast("Link removed");
      },
    }),
  );
  const cancel = useMutation(
    trpc.shares.cancelShares.mutationOptions({
      onSuccess: async ({ results }) => {
        await invalidate();
        setConfirm(null);
        setSelected(new Set());
        const outcome = bulkCancelOutcome(results);
        toast(outcome.toast);
        setOutcome(outcome.note);
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
    <div className="team-links" data-testid="team-shares">
      <div className="row-between">
        <h3 id={headingId}>
          Teammates' links <span className="count">{shares.length}</span>
        </h3>
        {removable.length > 0 ? (
          <label className="check small">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() =>
                setSelected(allSelected ? new Set() : new Set(removable.map((share) => share.id)))
              }
            />
            <span>Select all</span>
          </label>
        ) : null}
      </div>
      {outcome ? <Alert tone="warning">{outcome}</Alert> : null}
      {shares.length === 0 ? (
        <p className="muted small empty-inline">
          No one else on your team has shared this {nounOf(resource)}.
        </p>
      ) : (
        <ul className="share-list" aria-labelledby={headingId}>
          {(showAll ? shares : shares.slice(0, COLLAPSED_ROWS)).map((share) => {
            const owner = personName(share.owner);
            return (
              <li
                key={share.id}
                className="share-row"
                data-testid="share-row"
                data-owner={share.owner?.email ?? ""}
              >
                {share.can_remove ? (
                  <input
                    type="checkbox"
                    className="row-check"
                    aria-label={`Select ${owner}'s link`}
                    checked={selected.has(share.id)}
                    onChange={() => toggle(share.id)}
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
                </div>
                {share.can_remove ? (
                  <Button
                    size="sm"
                    variant="danger-ghost"
                    onClick={() => setConfirm({ kind: "one", share })}
                    aria-label={`Remove ${owner}'s link`}
                  >
                    Remove
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {shares.length > COLLAPSED_ROWS ? (
        <Button size="sm" variant="ghost" onClick={() => setShowAll((all) => !all)} aria-expanded={showAll}>
          {showAll ? "Show fewer" : `Show all ${shares.length} links`}
        </Button>
      ) : null}
      {shares.length > 0 && !isManager && removable.length === 0 ? (
        <p className="muted small">Only managers can remove teammates' links.</p>
      ) : null}
      {selectedIds.length > 0 ? (
        <section className="bulk-bar" aria-label="Bulk actions">
          <span>
            <strong>{selectedIds.length}</strong> selected
          </span>
          <div className="bulk-actions">
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
              Clear
            </Button>
            <Button size="sm" variant="danger" onClick={() => setConfirm({ kind: "bulk" })}>
              Cancel selected
            </Button>
          </div>
        </section>
      ) : null}

      <ConfirmDialog
        open={confirm?.kind === "one"}
        title="Remove this link?"
        confirmLabel="Remove link"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          setConfirm(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (confirm?.kind === "one") remove.mutate({ share_id: confirm.share.id });
        }}
      >
        <p>
          {confirm?.kind === "one" ? `${personName(confirm.share.owner)}'s` : "This"} link stops working
          immediately. The {nounOf(resource)} itself is not affected.
        </p>
      </ConfirmDialog>
      <BulkCancelDialog
        open={confirm?.kind === "bulk"}
        count={selectedIds.length}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => {
          setConfirm(null);
          cancel.reset();
        }}
        onConfirm={() => cancel.mutate({ share_ids: selectedIds })}
      />
    </div>
  );
}
