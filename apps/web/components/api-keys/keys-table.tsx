"use client";

import type { ApiKeyItem } from "@sharelinks/api";
import { formatLocal, relativeTime } from "@/lib/format";
import { Button, StatusBadge } from "../ui";

/** Active keys first. A table on wide screens; each row becomes a card on a phone (api-keys.css). */
export function KeysTable({ keys, onRevoke }: { keys: ApiKeyItem[]; onRevoke: (key: ApiKeyItem) => void }) {
  const ordered = [
    ...keys.filter((k) => k.status === "active"),
    ...keys.filter((k) => k.status !== "active"),
  ];
  return (
    <div className="table-scroll">
      <table className="table table-list table-keys" data-testid="api-keys-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((key) => (
            <tr
              key={key.id}
              className={key.status === "revoked" ? "row-muted" : undefined}
              data-testid="api-key-row"
            >
              <td className="key-name">{key.name ?? <span className="muted">Unnamed</span>}</td>
              <td data-label="Key">
                <code className="mono">{key.prefix}…</code>
              </td>
              <td data-label="Created" className="muted nowrap">
                {formatLocal(key.created_at)}
              </td>
              <td data-label="Last used" className="muted nowrap">
                {key.last_used_at ? relativeTime(key.last_used_at) : "Never"}
              </td>
              <td className="num key-action">
                {key.status === "active" ? (
                  <Button
                    size="sm"
                    variant="danger-ghost"
                    onClick={() => onRevoke(key)}
                    aria-label={`Revoke key ${key.name ?? key.prefix}`}
                  >
                    Revoke
                  </Button>
                ) : (
                  <StatusBadge status="revoked" />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
