"use client";

import { type ReactNode, useId } from "react";
import "./disclosure.css";

/** A section folded behind a toggle ("Customize branding"); the parent owns whether it is open. */
export function Disclosure({
  label,
  note,
  open,
  onToggle,
  children,
}: {
  label: string;
  note?: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const bodyId = useId();
  return (
    <div className="disclosure">
      <button
        type="button"
        className="disclosure-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={onToggle}
      >
        <span aria-hidden="true" className="chevron" />
        <span className="disclosure-label">{label}</span>
        {note ? <span className="muted small disclosure-note">{note}</span> : null}
      </button>
      {open ? (
        <div id={bodyId} className="disclosure-body">
          {children}
        </div>
      ) : null}
    </div>
  );
}
