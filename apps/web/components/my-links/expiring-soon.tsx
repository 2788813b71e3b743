"use client";

import { DEFAULT_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import { useMutation, useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/lib/errors";
import { formatLocal, relativeTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { Alert, Button } from "../ui";

/** As many as an owner can act on at a glance; the rest are under "Active". */
const SHOWN = 50;

/**
 * "Expiring soon": the caller's active links within the expiry reminders'
 * window (7 days; docs/webhooks.md, `share.expiring`), soonest first, each
 * with a one-click extend by the default 30 days. Shown only when there are any.
 */
export function ExpiringSoon() {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const expiring = useQuery(trpc.shares.listMyShares.queryOptions({ status: "expiring", limit: SHOWN }));
  const extend = useMutation(
    trpc.shares.extendShare.mutationOptions({
      onSuccess: async (share) => {
        await invalidate();
        toast(`“${share.title}” now expires ${formatLocal(share.expires_at)}`);
      },
    }),
  );
  const items = [...(expiring.data?.items ?? [])].sort((a, b) => a.expires_at.localeCompare(b.expires_at));
  if (items.length === 0) return null;

  return (
    <section
      className="panel expiring-soon"
      aria-labelledby="expiring-soon-title"
      data-testid="expiring-soon"
    >
      <h2 id="expiring-soon-title" className="expiring-soon-title">
        Expiring soon
      </h2>
      {extend.error ? (
        <Alert tone="error">Couldn't extend the link. {errorMessage(extend.error)}</Alert>
      ) : null}
      <ul className="expiring-list">
        {items.map((share) => (
          <li key={share.id} className="expiring-item" data-expiring-share-id={share.id}>
            <span className="expiring-name">{share.title}</span>
            <span className="muted small">
              expires{" "}
              <time dateTime={share.expires_at} title={formatLocal(share.expires_at)}>
                {relativeTime(share.expires_at)}
              </time>
            </span>
            <Button
              size="sm"
              loading={extend.isPending && extend.variables?.share_id === share.id}
              onClick={() => extend.mutate({ share_id: share.id, expiration_days: DEFAULT_EXPIRATION_DAYS })}
            >
              Extend {DEFAULT_EXPIRATION_DAYS} days
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
