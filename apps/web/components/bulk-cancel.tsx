"use client";

import { ConfirmDialog } from "./ui";
import "./bulk-cancel.css";

const links = (count: number) => `${count} link${count === 1 ? "" : "s"}`;

/** What a bulk cancel reports back: a toast for the cancelled, a note for the rest (null when none). */
export const bulkCancelOutcome = (results: ReadonlyArray<{ status: string }>) => {
  const cancelled = results.filter((result) => result.status === "cancelled").length;
  const refused = results.length - cancelled;
  return {
    toast: `${links(cancelled)} cancelled`,
    note:
      refused > 0
        ? `${links(refused)} ${refused === 1 ? "was" : "were"} not cancelled: already gone or not yours to remove.`
        : null,
  };
};

/** The one confirmation both "My links" and the share panel show before cancelling a selection. */
export function BulkCancelDialog({
  open,
  count,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  count: number;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      title={`Cancel ${links(count)}?`}
      confirmLabel="Cancel links"
      pending={pending}
      error={error}
      onClose={onClose}
      onConfirm={onConfirm}
    >
      <p>The selected links stop working immediately. Anyone opening them will see “Link not found”.</p>
    </ConfirmDialog>
  );
}
