import type { ReactNode } from "react";
import { InboxIcon } from "./icons";
import "./state.css";

/**
 * Nothing to show yet: an icon, a title, one sentence and at most one action,
 * the next thing the user can do about it.
 */
export function EmptyState({
  title,
  children,
  action,
  icon = <InboxIcon />,
  tone = "neutral",
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  tone?: "neutral" | "brand" | "warning";
}) {
  return (
    <div className="state" data-testid="empty-state">
      <div className={`state-icon state-icon-${tone}`} aria-hidden="true">
        {icon}
      </div>
      <h3>{title}</h3>
      {children ? <p>{children}</p> : null}
      {action ? <div className="state-action">{action}</div> : null}
    </div>
  );
}
