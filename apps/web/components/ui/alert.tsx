import type { ReactNode } from "react";
import "./alert.css";

export type AlertTone = "error" | "warning" | "info" | "success";

/** Errors and warnings interrupt assistive tech (role=alert); info and success are polite. */
export function Alert({
  tone = "error",
  title,
  children,
  action,
}: {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" || tone === "warning" ? "alert" : "status"}>
      <div className="alert-body">
        {title ? <strong className="alert-title">{title}</strong> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {action ? <div className="alert-action">{action}</div> : null}
    </div>
  );
}
