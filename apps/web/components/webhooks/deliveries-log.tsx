"use client";

import type { WebhookDeliveryJson } from "@sharelinks/core";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/lib/errors";
import { formatLocal, relativeTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useToast } from "../toast";
import { Alert, Badge, type BadgeTone, Button, EmptyState, Icons, QueryView } from "../ui";

const STATUS: Record<WebhookDeliveryJson["status"], { label: string; tone: BadgeTone }> = {
  succeeded: { label: "Delivered", tone: "success" },
  pending: { label: "Pending", tone: "info" },
  failed: { label: "Failed", tone: "danger" },
};

/** While something is pending, the log refreshes itself: retries land without a reload. */
const REFRESH_MS = 3_000;

/**
 * One endpoint's delivery log, newest first: event, status, attempts, the
 * last answer's HTTP code and duration, and a manual retry (the same
 * `webhook-id`, one more attempt).
 */
export function DeliveriesLog({ endpointId, disabled }: { endpointId: string; disabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const options = trpc.webhooks.listWebhookDeliveries.infiniteQueryOptions(
    { endpoint_id: endpointId, limit: 20 },
    { getNextPageParam: (last) => (last.hasMore ? (last.nextCursor ?? undefined) : undefined) },
  );
  const log = useInfiniteQuery({
    ...options,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((d) => d.status === "pending"))
        ? REFRESH_MS
        : false,
  });
  const retry = useMutation(
    trpc.webhooks.retryWebhookDelivery.mutationOptions({
      onSuccess: async () => {
        toast("Retry queued");
        await queryClient.invalidateQueries({ queryKey: options.queryKey });
      },
    }),
  );
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="webhook-log" data-testid="webhook-deliveries">
      <div className="panel-head-row">
        <h3>Deliveries</h3>
        <Button size="sm" variant="ghost" onClick={() => void log.refetch()} loading={log.isRefetching}>
          Refresh
        </Button>
      </div>
      {retry.error ? <Alert tone="error">{errorMessage(retry.error)}</Alert> : null}
      <QueryView
        query={log}
        loadingLabel="Loading deliveries"
        loadingLines={3}
        errorTitle="Couldn't load the deliveries"
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState title="No deliveries yet" icon={<Icons.InboxIcon />}>
            Events appear here as soon as a link changes.
          </EmptyState>
        }
      >
        {() => (
          <>
            <div className="table-scroll">
              <table className="table table-list table-deliveries">
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Attempts
                    </th>
                    <th scope="col" className="num">
                      Response
                    </th>
                    <th scope="col" className="num">
                      Duration
                    </th>
                    <th scope="col">Last attempt</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((delivery) => (
                    <tr key={delivery.id} data-testid="webhook-delivery-row" data-status={delivery.status}>
                      <td>
                        <code className="mono">{delivery.event_type}</code>
                        <div className="muted small mono" title="webhook-id">
                          {delivery.event_id}
                        </div>
                      </td>
                      <td data-label="Status">
                        <Badge tone={STATUS[delivery.status].tone}>{STATUS[delivery.status].label}</Badge>
                        {delivery.status === "pending" && delivery.next_attempt_at ? (
                          <div className="muted small">next {relativeTime(delivery.next_attempt_at)}</div>
                        ) : null}
                        {delivery.last_error && delivery.status !== "succeeded" ? (
                          <div className="muted small">{delivery.last_error}</div>
                        ) : null}
                      </td>
                      <td data-label="Attempts" className="num" data-testid="delivery-attempts">
                        {delivery.attempts}
                      </td>
                      <td data-label="Response" className="num mono" data-testid="delivery-response">
                        {delivery.last_response_status ?? "—"}
                      </td>
                      <td data-label="Duration" className="num nowrap">
                        {delivery.last_duration_ms === null ? "—" : `${delivery.last_duration_ms} ms`}
                      </td>
                      <td data-label="Last attempt" className="muted nowrap">
                        {formatLocal(delivery.last_attempt_at)}
                      </td>
                      <td className="num">
                        <Button
                          size="sm"
                          onClick={() => retry.mutate({ endpoint_id: endpointId, delivery_id: delivery.id })}
                          loading={retry.isPending && retry.variables?.delivery_id === delivery.id}
                          disabled={disabled || delivery.status === "pending"}
                          aria-label={`Retry ${delivery.event_type} delivery ${delivery.event_id}`}
                        >
                          Retry
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {log.hasNextPage ? (
              <Button size="sm" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                Older deliveries
              </Button>
            ) : null}
          </>
        )}
      </QueryView>
    </div>
  );
}
