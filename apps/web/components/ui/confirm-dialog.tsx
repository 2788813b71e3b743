"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { errorMessage } from "@/lib/errors";
import { Alert } from "./alert";
import { Button } from "./button";
import "./dialog.css";

/**
 * A modal confirmation on the native <dialog>: focus is trapped and Escape
 * dismisses without any extra code. Both buttons say what they do ("Keep
 * links" / "Revoke 3 links"), never a bare "Cancel" next to a destructive verb.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Go back",
  tone = "danger",
  pending = false,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
    >
      {open ? (
        <div className="dialog-inner">
          <h2 id={titleId}>{title}</h2>
          <div className="dialog-body">{children}</div>
          {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
          <div className="dialog-actions">
            <Button onClick={onClose} disabled={pending}>
              {cancelLabel}
            </Button>
            <Button variant={tone} onClick={onConfirm} loading={pending} autoFocus>
              {confirmLabel}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
