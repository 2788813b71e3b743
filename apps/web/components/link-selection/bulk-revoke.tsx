"use client";

import { Button, ConfirmDialog } from "../ui";
import { linksCount } from "./bulk-outcome";
import type { LinkSelection } from "./use-link-selection";
import "./bulk-revoke.css";

/** The bar that appears once links are selected: how many, clear, revoke. */
export function BulkRevokeBar({ selection, floating }: { selection: LinkSelection; floating?: boolean }) {
  const count = selection.selectedIds.length;
  if (count === 0) return null;
  return (
    <section className={floating ? "bulk-bar bulk-bar-floating" : "bulk-bar"} aria-label="Bulk actions">
      <span>
        <strong>{count}</strong> selected
      </span>
      <div className="bulk-actions">
        <Button size="sm" variant="ghost" onClick={selection.clear}>
          Clear
        </Button>
        <Button size="sm" variant="danger" onClick={selection.askToRevoke}>
          Revoke selected
        </Button>
      </div>
    </section>
  );
}

/** The one confirmation before revoking a selection: "Keep links" / "Revoke 3 links". */
export function BulkRevokeDialog({ selection }: { selection: LinkSelection }) {
  const { open, count, pending, error, onConfirm, onClose } = selection.dialog;
  return (
    <ConfirmDialog
      open={open}
      title={`Revoke ${linksCount(count)}?`}
      confirmLabel={`Revoke ${linksCount(count)}`}
      cancelLabel={count === 1 ? "Keep link" : "Keep links"}
      pending={pending}
      error={error}
      onClose={onClose}
      onConfirm={onConfirm}
    >
      <p>The selected links stop working immediately. Anyone opening them will see “Link not found”.</p>
    </ConfirmDialog>
  );
}
