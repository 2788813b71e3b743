"use client";

import type { WebhookEndpointJson } from "@sharelinks/core";
import { useState } from "react";
import { formatLocal } from "@/lib/format";
import { Badge, Button } from "../ui";
import { DeliveriesLog } from "./deliveries-log";
import { EVENT_TYPES } from "./webhook-limits";

export type EndpointAction = "rotate" | "delete" | "enable";

/** One endpoint: where, what it receives, its state, its actions and (on demand) its delivery log. */
export function EndpointCard({
  endpoint,
  enabling,
  onAction,
}: {
  endpoint: WebhookEndpointJson;
  enabling: boolean;
  onAction: (action: EndpointAction, endpoint: WebhookEndpointJson) => void;
}) {
  const [showLog, setShowLog] = useState(false);
  const disabled = endpoint.status === "disabled";
  const everyEvent = EVENT_TYPES.every((type) => endpoint.events.includes(type));
  const name = endpoint.description || endpoint.url;
  return (
    <li
      className="panel panel-pad webhook-endpoint"
      data-testid="webhook-endpoint"
      data-status={endpoint.status}
    >
      <div className="webhook-endpoint-head">
        <div className="webhook-endpoint-text">
          <div className="webhook-url mono">{endpoint.url}</div>
          {endpoint.description ? <div className="muted">{endpoint.description}</div> : null}
          <div className="muted small">
            Added {formatLocal(endpoint.created_at)} ·{" "}
            {everyEvent ? "All events" : endpoint.events.map((type) => type.replace("share.", "")).join(", ")}
          </div>
        </div>
        {disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Enabled</Badge>}
      </div>
      {disabled ? (
        <p className="webhook-disabled-note" data-testid="webhook-disabled-reason">
          Disabled automatically {formatLocal(endpoint.disabled_at)}:{" "}
          {endpoint.disabled_reason ?? "deliveries kept failing"}. Nothing is sent until you enable it; failed
          deliveries can be retried after that.
        </p>
      ) : null}
      <div className="webhook-actions">
        <Button size="sm" aria-expanded={showLog} onClick={() => setShowLog((open) => !open)}>
          {showLog ? "Hide deliveries" : "Deliveries"}
        </Button>
        {disabled ? (
          <Button size="sm" variant="primary" loading={enabling} onClick={() => onAction("enable", endpoint)}>
            Enable
          </Button>
        ) : null}
        <Button
          size="sm"
          onClick={() => onAction("rotate", endpoint)}
          aria-label={`Rotate secret of ${name}`}
        >
          Rotate secret
        </Button>
        <Button
          size="sm"
          variant="danger-ghost"
          onClick={() => onAction("delete", endpoint)}
          aria-label={`Delete endpoint ${name}`}
        >
          Delete
        </Button>
      </div>
      {showLog ? <DeliveriesLog endpointId={endpoint.id} disabled={disabled} /> : null}
    </li>
  );
}
